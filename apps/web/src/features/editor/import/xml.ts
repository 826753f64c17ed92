import { ImportError } from './model';

/**
 * The part of the DOM the converters use, so that they run on the browser's DOMParser and, in
 * the unit specs, on @xmldom/xmldom alike. Names are matched by namespace URI and local name,
 * never by prefix: a producer may choose its own prefixes.
 */
export interface XmlNode {
  nodeType: number;
  textContent: string | null;
}

export interface XmlElement extends XmlNode {
  localName: string;
  namespaceURI: string | null;
  childNodes: ArrayLike<XmlNode>;
  getAttributeNS(namespace: string | null, localName: string): string | null;
  /** An attribute without a namespace (most of those in relationships and drawings). */
  getAttribute(name: string): string | null;
}

export interface XmlDocument {
  documentElement: XmlElement | null;
  getElementsByTagName(name: string): ArrayLike<unknown>;
}

/** Parses XML text: the browser's DOMParser in the app, @xmldom/xmldom in the specs. */
export type XmlParser = (text: string) => XmlDocument;

const ELEMENT = 1;

export const isElement = (node: XmlNode): node is XmlElement => node.nodeType === ELEMENT;

export function children(element: XmlElement, namespace?: string, name?: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (let i = 0; i < element.childNodes.length; i += 1) {
    const node = element.childNodes[i];
    if (node !== undefined && isElement(node) && is(node, namespace, name)) {
      found.push(node);
    }
  }
  return found;
}

export const child = (element: XmlElement, namespace: string, name: string): XmlElement | null =>
  children(element, namespace, name)[0] ?? null;

export const is = (element: XmlElement, namespace?: string, name?: string): boolean =>
  (namespace === undefined || element.namespaceURI === namespace) &&
  (name === undefined || element.localName === name);

/** Every element below `element` (depth first, in document order) with this name. */
export function descendants(element: XmlElement, namespace: string, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (parent: XmlElement) => {
    for (const node of children(parent)) {
      if (is(node, namespace, name)) {
        found.push(node);
      }
      walk(node);
    }
  };
  walk(element);
  return found;
}

/** The root element of XML text; a damaged part is a damaged file. */
export function rootOf(parse: XmlParser, text: string, part: string): XmlElement {
  let root: XmlElement | null;
  try {
    const document = parse(text);
    // The browser's DOMParser answers broken XML with a document holding a <parsererror>.
    root = document.getElementsByTagName('parsererror').length > 0 ? null : document.documentElement;
  } catch {
    root = null;
  }
  if (root === null) {
    throw new ImportError('damaged', `${part} is not well-formed XML`);
  }
  return root;
}

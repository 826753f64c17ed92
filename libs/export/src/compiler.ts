import { readFileSync, readdirSync } from 'node:fs';
import { NodeCompiler, type NodeTypstDocument } from '@myriaddreamin/typst-ts-node-compiler';
import { ExportRenderError, type RenderStage } from './errors.js';
import type { RenderedReport, ReportModel } from './model.js';
import { buildRenderData, type RenderInput } from './render-data.js';

/**
 * The compiler's workspace root. It does not exist on disk: the only files a compile can
 * read are the ones mapped into memory for that compile (Typst refuses paths outside its root).
 */
export const WORKSPACE = '/nonexistent/kapitel-export';

// Both resolve from src/ (tests) and from dist/ (the built package, the Docker image).
const TEMPLATE_DIR_URL = new URL('../template/', import.meta.url);
const TEMPLATE_MAIN = 'report.typ';
const FONTS_URL = new URL('../fonts/', import.meta.url);

/** The bundled font files (libs/export/fonts), read once per compiler. */
function bundledFonts(): Buffer[] {
  return readdirSync(FONTS_URL)
    .filter((name) => /\.(otf|ttf)$/i.test(name))
    .sort()
    .map((name) => readFileSync(new URL(name, FONTS_URL)));
}

function firstDiagnostic(diagnostics: unknown): string {
  const list = Array.isArray(diagnostics) ? (diagnostics as Array<{ message?: unknown }>) : [];
  const message = list.find((entry) => typeof entry?.message === 'string')?.message;
  return typeof message === 'string' ? message : 'unknown Typst error';
}

/**
 * One long-lived Typst compiler (fonts and template loaded once) that turns report models
 * into PDFs. Compiling is synchronous and CPU-bound: run it in the renderer process
 * (`ExportWorker`), never on the server's event loop.
 */
export class ReportCompiler {
  private readonly compiler: NodeCompiler;
  private readonly template: string;
  /**
   * The template's other files (template/*.typ), mapped into the workspace at
   * `/template/<name>` for every compile, where report.typ imports them: the template in parts
   * of a readable size, fixed files like it, never anything a user wrote.
   */
  private readonly parts: Array<[string, Buffer]>;

  constructor() {
    this.compiler = NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontBlobs: bundledFonts() }] });
    this.template = readFileSync(new URL(TEMPLATE_MAIN, TEMPLATE_DIR_URL), 'utf8');
    this.parts = readdirSync(TEMPLATE_DIR_URL)
      .filter((name) => name.endsWith('.typ') && name !== TEMPLATE_MAIN)
      .map((name) => [`${WORKSPACE}/template/${name}`, readFileSync(new URL(name, TEMPLATE_DIR_URL))]);
  }

  /**
   * The report as PDF, tagged either way: for a final export PDF/A-2a when every image has
   * alternative text or is marked decorative, else PDF/A-2b; a plain PDF for a draft. When
   * the compile fails and the report embeds images, the ones Typst cannot read (bytes that
   * only look like a PNG or JPEG: a truncated upload) are found one by one and typeset as
   * notes, the others stay; should it fail still, every image becomes a note.
   */
  render(model: ReportModel, onStage: (stage: RenderStage) => void = () => undefined): RenderedReport {
    const input = buildRenderData(model);
    onStage('prepared');
    try {
      return this.compile(input, model, onStage);
    } catch (error) {
      if (input.files.size === 0 || !(error instanceof ExportRenderError)) {
        throw error;
      }
    }
    const unreadable = this.unreadableImages(input);
    if (unreadable.size > 0 && unreadable.size < input.files.size) {
      try {
        return this.compile(buildRenderData(model, { leaveOut: unreadable }), model, onStage);
      } catch (error) {
        if (!(error instanceof ExportRenderError)) {
          throw error;
        }
      }
    }
    return this.compile(buildRenderData(model, { embedImages: false }), model, onStage);
  }

  /** The sources of the images of `input` that Typst cannot read, each tried alone. */
  private unreadableImages(input: RenderInput): Set<string> {
    const unreadable = new Set<string>();
    for (const [path, bytes] of input.files) {
      this.compiler.resetShadow();
      try {
        this.compiler.mapShadow(WORKSPACE + path, Buffer.from(bytes));
        const result = this.compiler.compile({ mainFileContent: `#image(${JSON.stringify(path)})` });
        if (result.takeError() || !result.result) {
          unreadable.add(input.sources.get(path) ?? path);
        }
      } finally {
        this.compiler.resetShadow();
      }
    }
    return unreadable;
  }

  private compile(input: RenderInput, model: ReportModel, onStage: (stage: RenderStage) => void): RenderedReport {
    this.compiler.resetShadow();
    try {
      for (const [path, bytes] of this.parts) {
        this.compiler.mapShadow(path, bytes);
      }
      this.compiler.mapShadow(`${WORKSPACE}/data.json`, Buffer.from(JSON.stringify(input.data)));
      for (const [path, bytes] of input.files) {
        this.compiler.mapShadow(WORKSPACE + path, Buffer.from(bytes));
      }
      const result = this.compiler.compile({ mainFileContent: this.template });
      const error = result.takeError();
      const document: NodeTypstDocument | null = result.result;
      if (error || !document) {
        const diagnostics = error ? this.compiler.fetchDiagnostics(error) : [];
        throw new ExportRenderError(`The PDF could not be typeset: ${firstDiagnostic(diagnostics)}`, 'TYPESET_FAILED');
      }
      onStage('compiled');
      const { imagesWithoutAlt, missingReferences } = input;
      if (model.mode === 'draft') {
        return { pdf: this.write(document, null), standard: null, imagesWithoutAlt, missingReferences };
      }
      if (imagesWithoutAlt === 0) {
        try {
          return { pdf: this.write(document, 'a-2a'), standard: 'pdf-a-2a', imagesWithoutAlt, missingReferences };
        } catch {
          // Level A checks more than alternative texts; what else it finds missing in an
          // author's text must not fail the export: the archive level still holds.
        }
      }
      return { pdf: this.write(document, 'a-2b'), standard: 'pdf-a-2b', imagesWithoutAlt, missingReferences };
    } finally {
      this.compiler.resetShadow();
      // Keeps the memoization cache of a long-lived compiler from growing job after job.
      this.compiler.evictCache(10);
    }
  }

  private write(document: NodeTypstDocument, pdfStandard: 'a-2a' | 'a-2b' | null): Uint8Array {
    try {
      const pdf = this.compiler.pdf(document, pdfStandard === null ? {} : { pdfStandard });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (cause) {
      throw new ExportRenderError(`The PDF could not be written: ${String(cause).slice(0, 500)}`, 'TYPESET_FAILED');
    }
  }
}

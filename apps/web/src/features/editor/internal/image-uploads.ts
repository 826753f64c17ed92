import type { UploadedImage } from '@kapitel/domain';
import { imageCaption } from '@kapitel/editor';
import { Extension, type Editor } from '@tiptap/core';
import { NodeSelection, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ApiError, isAbortError } from '../../../lib/api';
import { readImage, uploadImage, uploadImageFile } from '../api/images-api';
import { ImportError, type ImportFailure } from '../import/model';
import { readDocumentFile } from '../import/read-file';
import type { ImagePlace } from '../utils/image-sources';
import { makeRoomForDocument } from './document-place';
import { imageCaptions } from './image-captions';
import { findImage, insertImage, refuseDrop, writeOnAfterImage } from './image-placement';
import { missingAltMarks, relabelImageMarks, type ImageLabels } from './missing-alt';
import {
  placeUploaded,
  readPastedImages,
  removeImage,
  showsOnlyImages,
  withoutForeignImages,
  type PastedImages,
  type PendingImage,
} from './pasted-images';

/** What the people at the text are told about images (worded by the component). */
export type ImageNotice =
  | { id: number; kind: 'inserted' | 'altSaved' | 'readOnly' }
  | { id: number; kind: 'missingAlt' | 'leftOut'; count: number }
  | { id: number; kind: 'failed'; name: string | null; error: unknown }
  | { id: number; kind: 'documentInserted' }
  | { id: number; kind: 'documentLeftOut'; count: number }
  | { id: number; kind: 'documentFailed'; name: string; failure: ImportFailure };

type NoticeContent = ImageNotice extends infer N ? (N extends ImageNotice ? Omit<N, 'id'> : never) : never;

/** The dialog for an image's alternative text and caption: for a file about to be uploaded, or for an image in the text. */
export type AltRequest =
  | { mode: 'insert'; file: File }
  | { mode: 'edit'; src: string; alt: string | null; caption: string; pos: number };

/** What the dialog gives an image: its alternative text ('' decorative) and caption ('' none). */
export interface ImageDescription {
  alt: string;
  caption: string;
}

export interface ImagesState {
  /** Images of pastes and drops on their way to the server. */
  uploading: number;
  /** A Word or OpenDocument file being read for insertion (import/read-document.ts). */
  readingDocument: boolean;
  notices: readonly ImageNotice[];
  dialog: AltRequest | null;
}

/** A picture of the clipboard's RTF past the reader's limit (rtf-pictures.ts), told as the server tells a too large one. */
const refusedAsTooLarge = (found: PastedImages): unknown[] =>
  found.tooLarge.map(() => new ApiError(413, 'IMAGE_TOO_LARGE', 'The picture is larger than the clipboard reader keeps'));

/**
 * Images in the editor: uploads for the toolbar's dialog, pastes and drops (files, and HTML
 * whose `data:` images, and pictures of Word's RTF, are uploaded and whose outside images are
 * left out; pasted-images.ts), the marks on images still lacking their alternative text, and
 * what the dialog and notices show (an external store for React).
 */
export class ImageUploads {
  private state: ImagesState = { uploading: 0, readingDocument: false, notices: [], dialog: null };
  private readonly listeners = new Set<() => void>();
  private readonly ending = new AbortController();
  private editor: Editor | null = null;
  private readonly fileInputs: Record<'image' | 'document', HTMLInputElement | null> = { image: null, document: null };
  private labels: ImageLabels = { missingAlt: '', caption: '' };
  private noticeCount = 0;

  constructor(private readonly projectId: string) {}

  private get place(): ImagePlace {
    return { origin: window.location.origin, projectId: this.projectId };
  }

  attach(editor: Editor): void {
    this.editor = editor;
  }

  destroy(): void {
    this.ending.abort();
    this.editor = null;
    this.listeners.clear();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getState = (): ImagesState => this.state;

  private update(change: Partial<ImagesState>): void {
    this.state = { ...this.state, ...change };
    this.listeners.forEach((listener) => {
      listener();
    });
  }

  private notify(...contents: NoticeContent[]): void {
    const added = contents.map((content) => {
      this.noticeCount += 1;
      const notice: ImageNotice = { ...content, id: this.noticeCount };
      return notice;
    });
    this.update({ notices: [...this.state.notices, ...added] });
  }

  /** A new action: what earlier ones said is no longer news. */
  private startOver(): void {
    this.update({ notices: [] });
  }

  dismiss(id: number): void {
    this.update({ notices: this.state.notices.filter((notice) => notice.id !== id) });
  }

  /** The words the marks on images use (badge, caption's name), in the current language. */
  setLabels(labels: ImageLabels): void {
    if (labels.missingAlt === this.labels.missingAlt && labels.caption === this.labels.caption) {
      return;
    }
    this.labels = labels;
    if (this.editor !== null && !this.editor.isDestroyed) {
      relabelImageMarks(this.editor.view);
    }
  }

  /** The page's hidden file inputs: for images (the toolbar's button) and for documents ("Dokument einfügen"). */
  setFileInput(input: HTMLInputElement | null, kind: 'image' | 'document' = 'image'): void {
    this.fileInputs[kind] = input;
  }

  /** Opens a file picker (it must run inside the click that asks for it). */
  pickFile(kind: 'image' | 'document' = 'image'): void {
    this.fileInputs[kind]?.click();
  }

  /** A file was chosen: the dialog asks for its alternative text before it is uploaded. */
  chooseFile(file: File): void {
    this.startOver();
    this.update({ dialog: { mode: 'insert', file } });
  }

  /**
   * A Word or OpenDocument file, read here in the browser and pasted at the cursor as copied
   * content is: its images uploaded first, its headings levelled, its HTML filtered by the schema.
   */
  async insertDocument(file: File): Promise<void> {
    this.startOver();
    this.update({ readingDocument: true });
    try {
      const imported = await readDocumentFile(file);
      const editor = this.canWrite();
      if (editor === null) {
        this.notify({ kind: 'readOnly' });
        return;
      }
      makeRoomForDocument(editor);
      const data = new DataTransfer();
      data.setData('text/html', imported.html);
      editor.view.pasteHTML(imported.html, new ClipboardEvent('paste', { clipboardData: data }));
      editor.commands.focus(); // back from the file picker: to the text, where the document went
      const leftOut = imported.leftOut > 0 ? [{ kind: 'documentLeftOut' as const, count: imported.leftOut }] : [];
      this.notify({ kind: 'documentInserted' }, ...leftOut);
    } catch (error) {
      const failure = error instanceof ImportError ? error.failure : 'damaged';
      this.notify({ kind: 'documentFailed', name: file.name, failure });
    } finally {
      this.update({ readingDocument: false });
    }
  }

  /** The dialog for the image selected in the text; false when none is selected. */
  editSelected(): boolean {
    const selection = this.editor?.state.selection;
    if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'image') {
      return false;
    }
    const { src, alt } = selection.node.attrs as { src: string; alt: string | null };
    const caption = imageCaption(selection.node.attrs.caption);
    this.startOver();
    this.update({ dialog: { mode: 'edit', src, alt, caption, pos: selection.from } });
    return true;
  }

  closeDialog(): void {
    if (this.state.dialog !== null) {
      this.update({ dialog: null });
    }
  }

  private canWrite(): Editor | null {
    const editor = this.editor;
    return editor !== null && !editor.isDestroyed && editor.isEditable ? editor : null;
  }

  /**
   * Uploads the dialog's file and inserts it at the cursor with its alternative text and
   * caption. Throws what the upload threw. `signal` is the dialog's: it goes with the editor, too.
   */
  async insertChosen(file: File, description: ImageDescription, signal: AbortSignal): Promise<void> {
    const uploaded = await uploadImageFile(this.projectId, file, { signal });
    this.closeDialog();
    this.notify({ kind: this.insert(uploaded, description.alt, description.caption) ? 'inserted' : 'readOnly' });
  }

  /** Sets the alternative text and caption of the dialog's image; false when it is no longer in the text. */
  applyDescription(request: Extract<AltRequest, { mode: 'edit' }>, description: ImageDescription): boolean {
    const editor = this.canWrite();
    const pos = editor === null ? null : findImage(editor, request);
    if (editor === null || pos === null) {
      return false;
    }
    editor
      .chain()
      .command(({ tr }) => {
        tr.setNodeAttribute(pos, 'alt', description.alt)
          .setNodeAttribute(pos, 'caption', imageCaption(description.caption) || null)
          .setSelection(NodeSelection.create(tr.doc, pos));
        return true;
      })
      .run();
    this.closeDialog();
    this.notify({ kind: 'altSaved' });
    return true;
  }

  /** Inserts an uploaded image at the cursor, if the text can be written. */
  private insert(uploaded: UploadedImage, alt: string | null, caption = ''): boolean {
    const editor = this.canWrite();
    return editor !== null && insertImage(editor, uploaded, alt, caption);
  }

  /** Pasted or dropped files: each uploaded and inserted, then the alternative text asked for. */
  private async insertFiles(files: readonly File[]): Promise<void> {
    this.startOver();
    const inserted: UploadedImage[] = [];
    for (const file of files) {
      this.update({ uploading: this.state.uploading + 1 });
      try {
        const uploaded = await uploadImageFile(this.projectId, file, { signal: this.ending.signal });
        if (this.insert(uploaded, null)) {
          inserted.push(uploaded);
        } else {
          this.notify({ kind: 'readOnly' });
        }
      } catch (error) {
        if (isAbortError(error)) {
          return;
        }
        this.notify({ kind: 'failed', name: file.name === '' ? null : file.name, error });
      } finally {
        this.update({ uploading: Math.max(0, this.state.uploading - 1) });
      }
    }
    if (inserted.length > 0) {
      this.notify({ kind: 'missingAlt', count: inserted.length });
    }
    const only = inserted.length === 1 ? inserted[0] : undefined;
    const editor = this.canWrite();
    if (only !== undefined && editor !== null && this.state.dialog === null) {
      // Just inserted, so it is the one nearest the cursor.
      const pos = findImage(editor, { src: only.src, alt: null, pos: -1 });
      if (pos !== null) {
        this.update({ dialog: { mode: 'edit', src: only.src, alt: null, caption: '', pos } });
      }
    }
  }

  private upload(image: PendingImage): Promise<UploadedImage> {
    const options = { signal: this.ending.signal };
    const { source } = image;
    return 'src' in source
      ? readImage(source.src, options).then((bytes) => uploadImageFile(this.projectId, bytes, options))
      : uploadImage(this.projectId, new Blob([source.bytes], { type: source.contentType }), source.contentType, options);
  }

  /** Pasted or dropped HTML with images to upload: uploaded first, then pasted at the cursor as ProseMirror would. */
  private async pasteWithImages(found: PastedImages): Promise<void> {
    this.startOver();
    const failures = refusedAsTooLarge(found);
    let lacking = 0;
    for (const image of found.pending) {
      this.update({ uploading: this.state.uploading + 1 });
      try {
        placeUploaded(image, await this.upload(image));
        lacking += image.element.hasAttribute('alt') ? 0 : 1;
      } catch (error) {
        if (isAbortError(error)) {
          return;
        }
        removeImage(image.element);
        failures.push(error);
      } finally {
        this.update({ uploading: Math.max(0, this.state.uploading - 1) });
      }
    }
    const editor = this.canWrite();
    if (editor === null) {
      this.notify({ kind: 'readOnly' });
      return;
    }
    [...found.leaving, ...found.tooLarge].forEach(removeImage);
    editor.view.pasteHTML(found.body.innerHTML);
    writeOnAfterImage(editor);
    this.announcePaste(found.leaving.length, failures, lacking);
  }

  private announcePaste(leftOut: number, failures: readonly unknown[], lacking: number): void {
    this.notify(
      ...(leftOut > 0 ? [{ kind: 'leftOut' as const, count: leftOut }] : []),
      ...failures.map((error) => ({ kind: 'failed' as const, name: null, error })),
      ...(lacking > 0 ? [{ kind: 'missingAlt' as const, count: lacking }] : []),
    );
  }

  /** Takes over a paste or drop that brings files or images; false leaves it to ProseMirror. */
  private take(view: EditorView, data: DataTransfer | null, at: number | null): boolean {
    if (data === null || this.canWrite() === null) {
      return false;
    }
    const html = data.getData('text/html');
    const files = [...data.files];
    const place = (): void => {
      if (at !== null) {
        view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at))));
      }
    };
    if (files.length > 0 && (html === '' || showsOnlyImages(html))) {
      place();
      void this.insertFiles(files);
      return true;
    }
    // Word and LibreOffice Writer name their pictures by local files in the HTML, and carry them in the RTF.
    const found = html === '' ? null : readPastedImages(html, this.place, () => data.getData('text/rtf'));
    if (found === null) {
      return false;
    }
    if (found.pending.length === 0) {
      // Nothing to wait for: ProseMirror pastes it, without the images (transformPastedHTML).
      this.startOver();
      this.announcePaste(found.leaving.length, refusedAsTooLarge(found), 0);
      return false;
    }
    place();
    void this.pasteWithImages(found);
    return true;
  }

  /** The editor's part: paste, drop, the HTML filter and the marks. */
  extensions(): Extension[] {
    const plugin = new Plugin({
      key: new PluginKey('imageUploads'),
      props: {
        // A read-only text takes no drop, and ProseMirror then leaves it to the browser, which
        // would open a dropped file in place of the app (and with it any unsaved edits). The
        // drop is refused here instead: no upload, and the pointer says it cannot go there.
        handleDOMEvents: {
          dragover: (view, event) => refuseDrop(view, event),
          drop: (view, event) => refuseDrop(view, event),
        },
        transformPastedHTML: (html) => withoutForeignImages(html, this.place),
        handlePaste: (view, event) => this.take(view, event.clipboardData, null),
        handleDrop: (view, event, _slice, moved) => {
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
          return !moved && at !== null && this.take(view, event.dataTransfer, at.pos);
        },
      },
    });
    const handling = Extension.create({
      name: 'imageUploads',
      addProseMirrorPlugins: () => [plugin],
    });
    return [handling, missingAltMarks(() => this.labels.missingAlt), imageCaptions(() => this.labels.caption)];
  }
}

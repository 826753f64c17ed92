import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { comparable, type PdfFile } from './export-support.js';

// Where things stand on a PDF's pages, read with poppler: for the export specs that check placement.
const run = promisify(execFile);

export type Rgb = [number, number, number];

/** The lines of a page with their top edge in points (`pdftotext -bbox-layout`), words joined and made comparable. */
export async function linesOf(pdf: PdfFile, page: number): Promise<Array<{ text: string; top: number }>> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdf.path, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return [...stdout.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((line) => ({
    top: Number(line[1]),
    text: comparable([...line[2].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => word[1]).join(' ')),
  }));
}

/** The rows (top and bottom, in points) where a page rendered at 72 dpi shows the colour `rgb`; null when nowhere. */
export async function bandOf(pdf: PdfFile, page: number, rgb: Rgb): Promise<{ top: number; bottom: number } | null> {
  const { stdout } = await run('pdftoppm', ['-r', '72', '-f', String(page), '-l', String(page), pdf.path], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Binary PPM: "P6 <width> <height> 255" and one whitespace byte, then RGB triples row by row.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(stdout.subarray(0, 64).toString('latin1'));
  if (!header) {
    throw new Error('pdftoppm gave no PPM');
  }
  const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = offset + (y * width + x) * 3;
      if (rgb.every((value, channel) => Math.abs(stdout[at + channel] - value) <= 3)) {
        rows.push(y);
        break;
      }
    }
  }
  return rows.length === 0 ? null : { top: rows[0], bottom: rows[rows.length - 1] + 1 };
}

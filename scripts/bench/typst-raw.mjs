// The raw compile beside the server's export (issue 7): the export library's ReportCompiler
// (libs/export/dist, the code the server's worker thread runs) on the same report model, in a
// process of its own, without server, database, queue or worker thread. Run by export.mjs:
//   node --expose-gc typst-raw.mjs <model.json> <out.pdf>
// prints JSON: compiler creation, a warm-up compile of a one-section report (the server gets
// the same before its measured exports), and the times of the stages and the peak RSS of
// one compile of the model. One only: Typst memoizes, and compiling the same model again in
// the same compiler reuses nearly everything (a second run takes a tenth of the time).
import { readFileSync, writeFileSync } from 'node:fs';
import { ReportCompiler } from '../../libs/export/dist/compiler.js';
import { resetPeakRss, rssAndPeak } from './proc.mjs';

const [modelPath, pdfPath] = process.argv.slice(2);
const model = JSON.parse(readFileSync(modelPath, 'utf8'));
const mib = (bytes) => bytes / 1024 / 1024;

const created = performance.now();
const compiler = new ReportCompiler();
const createMs = performance.now() - created;

const warm = performance.now();
compiler.render({ ...model, sections: [{ ...model.sections[0], content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Warm-up.' }] }] } }] });
const warmupMs = performance.now() - warm;

global.gc?.();
const peakReset = resetPeakRss(process.pid);
const before = rssAndPeak(process.pid);
/** @type {Record<string, number>} */
const stages = {};
const t0 = performance.now();
const pdf = compiler.render(model, (stage) => {
  stages[stage] = performance.now() - t0;
});
const totalMs = performance.now() - t0;
const after = rssAndPeak(process.pid);
writeFileSync(pdfPath, pdf);
const result = {
  createMs,
  warmupMs,
  prepareMs: stages.prepared,
  compileMs: stages.compiled - stages.prepared,
  pdfMs: totalMs - stages.compiled,
  typstMs: totalMs - stages.prepared,
  totalMs,
  bytes: pdf.byteLength,
  rssBeforeMiB: before ? mib(before.rss) : null,
  // VmHWM since the reset; without the reset, the peak of the whole process.
  peakRssMiB: after && peakReset ? mib(after.peak) : process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(result)}\n`);

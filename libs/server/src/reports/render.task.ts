// Runs in a document worker thread: a report model laid out as PDF (a report of a thousand entries takes about a second
// of CPU), so the event loop that answers requests never waits for it.
import { renderPdf, type ReportModel } from '@claimdesk/reports';
import { reportFonts } from './report-fonts';

export interface RenderTask {
  model: ReportModel;
}

export default async function renderReportPdf(task: RenderTask): Promise<Uint8Array> {
  return new Uint8Array(await renderPdf(task.model, { fonts: reportFonts() }));
}

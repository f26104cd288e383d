/**
 * A one-page PDF that names the attachment it stands for. Backed-up items carry only their
 * attachments' names, so a saved item attaches this instead of bytes nobody has; it opens in any
 * PDF reader (PDF 1.4: one Helvetica text line, a cross-reference table with exact offsets).
 */
export function placeholderPdf(title: string, line: string): Buffer {
  const text = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[\\()]/g, (ch) => `\\${ch}`);
  const content = `BT /F1 16 Tf 72 760 Td (${text(title)}) Tj 0 -24 Td /F1 11 Tf (${text(line)}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, n) => {
    const at = pdf.length;
    pdf += `${n + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

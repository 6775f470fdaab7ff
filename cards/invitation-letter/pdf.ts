import PDFDocument from "pdfkit";

/**
 * A printable letter for a family member or legal representative with no
 * email address (nobody on an invite list without a route). Made with
 * pdfkit, pure JavaScript, as a tagged PDF (a structure tree of Document, H1
 * and P elements, the language en-GB and the title shown in the window) so
 * a screen reader reads it in order; see
 * https://pdfkit.org/docs/accessibility.html. The large-print version
 * follows the RNIB's clear print guidance (sans serif, 16 point or more,
 * left aligned): https://www.rnib.org.uk/living-with-sight-loss/independent-living/clear-print-guidelines/
 */
export interface LetterContent {
  /** The document's title: what the letter is, never a child's name. */
  title: string;
  /** The sender's address block and date, top right in print. */
  date: string;
  heading: string;
  /** Paragraphs in reading order. */
  paragraphs: string[];
}

export type LetterSize = "standard" | "large-print";

const SIZES: Record<LetterSize, { body: number; heading: number; gap: number }> = {
  standard: { body: 12, heading: 16, gap: 0.6 },
  "large-print": { body: 18, heading: 24, gap: 0.8 },
};

export async function letterPdf(content: LetterContent, size: LetterSize): Promise<Buffer> {
  const s = SIZES[size];
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    info: {
      Title: size === "large-print" ? `${content.title} (large print)` : content.title,
      Author: "Children's Services",
      Subject: content.title,
    },
    // A fixed date, so the same letter is the same file (and tests repeat).
    bufferPages: false,
  });
  doc.info.CreationDate = new Date(0);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const root = doc.struct("Document");
  doc.addStructure(root);
  root.add(
    doc.struct("P", {}, () => {
      doc.font("Helvetica").fontSize(s.body).text(content.date, { align: "right" });
      doc.moveDown(s.gap);
    }),
  );
  root.add(
    doc.struct("H1", {}, () => {
      doc.font("Helvetica-Bold").fontSize(s.heading).text(content.heading, { align: "left" });
      doc.moveDown(s.gap);
    }),
  );
  for (const paragraph of content.paragraphs) {
    root.add(
      doc.struct("P", {}, () => {
        doc.font("Helvetica").fontSize(s.body).text(paragraph, { align: "left" });
        doc.moveDown(s.gap);
      }),
    );
  }
  root.end();
  doc.end();
  return done;
}

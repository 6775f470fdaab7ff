import type { Case, Invitee, Meeting } from "../../model";
import { formatHumanInstant } from "../../rules";
import type { EmailAttachment } from "../../ports";
import { reviewNumberOf } from "./review-anchors";

/**
 * Swindon rules 8 and 11: a CLA invite list triggers the consultation documents
 * for children, carers and parents, sent out with the invites. Convene
 * writes one form for each family invitee, by who they are to the child.
 */
export const CONSULTATION_FORMS = ["child", "carer", "parent"] as const;
export type ConsultationForm = (typeof CONSULTATION_FORMS)[number];

const CARER =
  /\b(carers?|foster|kinship|special guardian|sgo|residential|key ?worker|connected person)\b/i;
const FAMILY =
  /\b(mother|father|parents?|mum|dad|step\w*|grand\w*|aunt|uncle|brother|sister|siblings?)\b/i;
const CHILD = /\b(child|young person|yp)\b/i;

/**
 * The form a family invitee gets, from the role the SW typed ("Foster
 * carer", "Young person", "Mother"). Carers first ("the child's foster
 * carer"), then parents and family ("mother of the child"), then the child;
 * anyone else in the family gets the parents' and family's form. Legal
 * representatives and professionals get none (Swindon names children, carers
 * and parents only).
 */
export function consultationFormFor(invitee: Invitee): ConsultationForm | undefined {
  if (invitee.relation !== "family") return undefined;
  if (CARER.test(invitee.role)) return "carer";
  if (FAMILY.test(invitee.role)) return "parent";
  if (CHILD.test(invitee.role)) return "child";
  return "parent";
}

const QUESTIONS: Record<ConsultationForm, { title: string; questions: string[] }> = {
  child: {
    title: "Your review: what you think",
    questions: [
      "What is going well for you at the moment?",
      "Is anything worrying you, or is there anything you would like to change?",
      "How do you feel about where you live and the people you live with?",
      "How are things at school, college or work?",
      "Who do you see (family and friends), and is that enough?",
      "Would you like to come to your review? Who would you like to be there?",
      "Is there anything you want your Independent Reviewing Officer (IRO) to know?",
    ],
  },
  carer: {
    title: "Carer's consultation for the looked-after child review",
    questions: [
      "How is the child or young person settling in the placement?",
      "Health: appointments, health assessment, dental and any concerns.",
      "Education: attendance, progress, the personal education plan.",
      "Family time and contact: how it is going, and any changes needed.",
      "What support do you need as a carer?",
      "Anything else the Independent Reviewing Officer (IRO) should know.",
    ],
  },
  parent: {
    title: "Parent's and family consultation for the looked-after child review",
    questions: [
      "What do you think is going well for your child?",
      "What are you worried about?",
      "Family time and contact: how is it going, and would you like anything to change?",
      "What do you think of the care plan?",
      "Would you like to attend the review, and do you need any help to take part?",
      "Anything else the Independent Reviewing Officer (IRO) should know.",
    ],
  },
};

/** A file name with ids only (the case reference and review number), never a child's name. */
export function consultationFileName(kase: Case, meeting: Meeting, form: ConsultationForm): string {
  const ref = kase.reference.replace(/[^A-Za-z0-9._-]+/g, "-");
  return `cla-consultation-${form}-${ref}-review-${reviewNumberOf(meeting)}.txt`;
}

/**
 * The form as a plain-text attachment: it opens anywhere (phone, Word,
 * Notepad) and can be filled in or answered by email. It names the case
 * reference and the review date, never the child: the recipient knows who
 * it is about, and an attachment travels further than its email.
 */
export function consultationAttachment(
  kase: Case,
  meeting: Meeting,
  form: ConsultationForm,
): EmailAttachment {
  const { title, questions } = QUESTIONS[form];
  const when = meeting.start === undefined ? "" : formatHumanInstant(Date.parse(meeting.start));
  const text = [
    title,
    "",
    `Case reference: ${kase.reference}`,
    `Review: ${when} (UK time)`,
    "",
    "Please write your answers under each question and send this form back to the social",
    "worker or the Independent Reviewing Officer before the review. You can also tell them",
    "your views by phone or in person if you prefer.",
    "",
    ...questions.flatMap((q, i) => [`${i + 1}. ${q}`, "", "", ""]),
  ].join("\r\n");
  return {
    name: consultationFileName(kase, meeting, form),
    contentType: "text/plain; charset=utf-8",
    content: Buffer.from(text, "utf8"),
  };
}

import type { Browser, BrowserContext, Locator, Page, WebSocket } from "playwright-core";
import type { RunningPlayground } from "./playground-process";

/**
 * Drives the Agents Playground's web UI like a person would: type in the
 * compose box, read the chat, fill a card's inputs and click its buttons.
 * Selectors are the rendered Adaptive Card's (`.ac-adaptiveCard`, `.ac-input`)
 * and the Playground's ARIA labels; nothing depends on its generated class
 * names.
 *
 * The card renderer gives each input a random DOM id (`__ac-<uuid>`), so an
 * input is found by its label. To allow a card input's own `id` too, the page
 * records every card the Playground receives (its conversation websocket
 * and its invoke answers) and maps an id to that input's label.
 */
export type CardJson = Record<string, unknown>;

export interface ReceivedActivity {
  action: string;
  conversationId?: string;
  text?: string;
  cards: CardJson[];
}

const EDITOR = '[data-lexical-editor="true"]';
const CARD = ".ac-adaptiveCard";
const CONTROL =
  "input, select, textarea, [role=combobox], [role=checkbox], [role=switch], [role=radio]";

const DEFAULT_TIMEOUT_MS = 20_000;

export interface WaitOptions {
  timeoutMs?: number;
}

export interface InCard {
  /** Look only inside this card (from waitForCard); default: the last card that has the input or button. */
  card?: Locator;
}

function cardsIn(value: unknown): CardJson[] {
  if (typeof value !== "object" || value === null) return [];
  const found: CardJson[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === "object" && v !== null) {
      const o = v as Record<string, unknown>;
      if (o.type === "AdaptiveCard") found.push(o);
      else Object.values(o).forEach(visit);
    }
  };
  visit(value);
  return found;
}

/** The inputs of a card, wherever they sit (containers, columns, action sets). */
function inputsIn(card: CardJson): Array<Record<string, unknown>> {
  const inputs: Array<Record<string, unknown>> = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === "object" && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.type === "string" && o.type.startsWith("Input.")) inputs.push(o);
      Object.values(o).forEach(visit);
    }
  };
  visit(card);
  return inputs;
}

export class PlaygroundPage {
  /** Every card the Playground showed in this page's life, oldest first. */
  readonly received: ReceivedActivity[] = [];

  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    readonly playground: RunningPlayground,
  ) {}

  /**
   * Opens the Playground's UI in a fresh browser context (its own storage),
   * and waits until the Playground has told the bot the app is installed:
   * from then on the bot has this user's conversation reference.
   */
  static async open(browser: Browser, playground: RunningPlayground): Promise<PlaygroundPage> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const driver = new PlaygroundPage(page, context, playground);
    page.on("websocket", (ws) => driver.record(ws));
    page.on("response", (response) => {
      if (!response.url().includes("/_conversation/v1/invoke")) return;
      void response
        .json()
        .then((body: unknown) => driver.received.push({ action: "invoke", cards: cardsIn(body) }))
        .catch(() => undefined);
    });
    const installed = page
      .waitForResponse((r) => r.url().includes("/installation") && r.status() < 300, {
        timeout: DEFAULT_TIMEOUT_MS,
      })
      .catch(() => undefined);
    await page.goto(playground.url, { waitUntil: "domcontentloaded" });
    await page.locator(EDITOR).waitFor({ timeout: DEFAULT_TIMEOUT_MS });
    await installed;
    return driver;
  }

  get user(): RunningPlayground["user"] {
    return this.playground.user;
  }

  /** Types a message in the 1:1 chat and sends it (Enter), as the current user. */
  async sendMessage(text: string): Promise<void> {
    const posted = this.page.waitForResponse(
      (r) =>
        r.request().method() === "POST" &&
        /\/_conversation\/v1\/conversations\/[^/]+\/messages/.test(r.url()),
      { timeout: DEFAULT_TIMEOUT_MS },
    );
    const editor = this.page.locator(EDITOR);
    await editor.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press("Enter");
    await posted;
  }

  /** Every Adaptive Card on the page, oldest first. */
  cards(): Locator {
    return this.page.locator(CARD);
  }

  /** The newest card whose text contains `text`, once it is visible. */
  async waitForCard(text: string | RegExp, options: WaitOptions = {}): Promise<Locator> {
    const card = this.cards().filter({ hasText: text }).last();
    await card.waitFor({ state: "visible", timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    return card;
  }

  /** Chat messages (text or card), each with its header, oldest first. */
  messages(): Locator {
    return this.page.locator('[aria-label="Message header"]').locator("xpath=..");
  }

  /** The newest chat message containing `text` (a plain text reply or a card). */
  async waitForMessage(text: string | RegExp, options: WaitOptions = {}): Promise<Locator> {
    const message = this.messages().filter({ hasText: text }).last();
    await message.waitFor({ state: "visible", timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    return message;
  }

  /** What the chat shows, one string per message, as a person reads it. */
  async messageTexts(): Promise<string[]> {
    return (await this.messages().allInnerTexts()).map((t) => t.trim());
  }

  /** What each card shows, as a person reads it. */
  async cardTexts(): Promise<string[]> {
    return (await this.cards().allInnerTexts()).map((t) => t.trim());
  }

  /**
   * Fills a card input found by its label (or by its id in the card JSON).
   * Text, number, date and time inputs are typed; a choice set gets the
   * choice whose title is `value`; a toggle is checked for "true" / its title.
   */
  async fillInput(labelOrId: string, value: string, options: InCard = {}): Promise<void> {
    const input = await this.findInput(labelOrId, options.card);
    const kind = await input.evaluate((el) => {
      const tag = el.tagName.toLowerCase();
      const type = el.getAttribute("type") ?? "";
      const role = el.getAttribute("role") ?? "";
      return tag === "select"
        ? "select"
        : type === "checkbox" || role === "checkbox"
          ? "checkbox"
          : role === "combobox"
            ? "combobox"
            : "text";
    });
    if (kind === "select") {
      await input.selectOption({ label: value });
    } else if (kind === "checkbox") {
      await input.setChecked(value === "true" || value === "on");
    } else if (kind === "combobox") {
      await input.click();
      await this.page.getByRole("option", { name: value, exact: true }).click();
    } else {
      await input.fill(value);
    }
  }

  /**
   * For an expanded choice set (radio buttons or checkboxes): picks the
   * option titled `choice`.
   */
  async choose(choice: string, options: InCard = {}): Promise<void> {
    const scope = options.card ?? this.cards().filter({ hasText: choice }).last();
    await scope.getByLabel(choice, { exact: true }).check();
  }

  /**
   * Clicks an Action.Execute (or any card button) by its title and waits for
   * the bot's answer to the invoke. The card that answer brings is then on
   * the page (in place of the clicked one).
   */
  async clickAction(title: string, options: InCard = {}): Promise<void> {
    const scope =
      options.card ??
      this.cards()
        .filter({ has: this.page.getByRole("button", { name: title, exact: true }) })
        .last();
    const button = scope.getByRole("button", { name: title, exact: true }).last();
    const answered = this.page.waitForResponse(
      (r) => r.url().includes("/_conversation/v1/invoke"),
      {
        timeout: DEFAULT_TIMEOUT_MS,
      },
    );
    await button.click();
    await answered;
  }

  /**
   * Picks a date in an Input.Date, which the Playground renders as a Fluent
   * UI DatePicker (a read-only combobox with a calendar): opens it, pages
   * to the month, clicks the day.
   */
  async pickDate(labelOrId: string, isoDate: string, options: InCard = {}): Promise<void> {
    const input = await this.findInput(labelOrId, options.card);
    const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
    const monthName = new Date(Date.UTC(y, m - 1, 1)).toLocaleString("en-GB", {
      month: "long",
      timeZone: "UTC",
    });
    const target = `${monthName} ${y}`;
    await input.click();
    const header = this.page.locator(".fui-CalendarDay__monthAndYear").last();
    // Month by month: enough for an adult's date of birth (about 30 years).
    for (let i = 0; i < 400; i++) {
      const shown = (await header.getAttribute("aria-label")) ?? "";
      if (shown === target) break;
      const [shownMonth, shownYear] = shown.split(" ");
      const shownIndex = Number(shownYear) * 12 + new Date(`${shownMonth} 1, 2000`).getMonth();
      const forward = shownIndex < y * 12 + (m - 1);
      await this.page
        .locator(`button[title^="${forward ? "Next" : "Previous"} month"]`)
        .last()
        .click();
    }
    const day = this.page
      .locator(".fui-CalendarDayGrid__table")
      .last()
      .locator("button, td[role=gridcell]")
      .filter({ hasText: new RegExp(`^${d}$`) })
      .filter({ hasNot: this.page.locator(".fui-CalendarDayGrid__dayOutsideNavigatedMonth") });
    const candidates = await day.all();
    for (const c of candidates) {
      const cls = (await c.getAttribute("class")) ?? "";
      if (cls.includes("OutsideNavigatedMonth") || cls.includes("outside")) continue;
      await c.click();
      return;
    }
    throw new Error(`no day ${isoDate} in the date picker (showing ${target})`);
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file, fullPage: true });
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  private async findInput(labelOrId: string, card: Locator | undefined): Promise<Locator> {
    const labels = [labelOrId, ...this.labelsForId(labelOrId)];
    // A label also names helper elements (a combobox's chevron): keep the control itself.
    const control = this.page.locator(CONTROL);
    for (const exact of [true, false]) {
      for (const label of labels) {
        const labelled = this.page.getByLabel(label, { exact }).and(control);
        const scope = card ?? this.cards().filter({ has: labelled }).last();
        const input = scope.getByLabel(label, { exact }).and(control).first();
        if ((await input.count()) > 0) return input;
      }
    }
    throw new Error(
      `no card input labelled or with id "${labelOrId}" on the page of ${this.user.key}; labels seen: ${JSON.stringify(this.knownLabels())}`,
    );
  }

  /** The label (or placeholder) of every received card input with this id, newest first. */
  private labelsForId(id: string): string[] {
    const labels: string[] = [];
    for (const activity of [...this.received].reverse()) {
      for (const card of activity.cards) {
        for (const input of inputsIn(card)) {
          if (input.id !== id) continue;
          for (const key of ["label", "placeholder", "title"]) {
            const v = input[key];
            if (typeof v === "string" && v !== "" && !labels.includes(v)) labels.push(v);
          }
        }
      }
    }
    return labels;
  }

  private knownLabels(): string[] {
    return [
      ...new Set(
        this.received.flatMap((a) =>
          a.cards.flatMap((c) => inputsIn(c).map((i) => String(i.label ?? i.id))),
        ),
      ),
    ];
  }

  private record(ws: WebSocket): void {
    if (!ws.url().includes("/_ws_conversation/")) return;
    ws.on("framereceived", (frame) => {
      try {
        const data = JSON.parse(String(frame.payload)) as {
          action?: string;
          actionConversationId?: string;
          message?: { text?: string };
        };
        if (typeof data.action !== "string") return;
        this.received.push({
          action: data.action,
          ...(data.actionConversationId !== undefined
            ? { conversationId: data.actionConversationId }
            : {}),
          ...(typeof data.message?.text === "string" ? { text: data.message.text } : {}),
          cards: cardsIn(data.message),
        });
      } catch {
        // not JSON: not a conversation frame
      }
    });
  }
}

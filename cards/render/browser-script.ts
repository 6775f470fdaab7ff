/**
 * Runs inside the page (as text: the project compiles without DOM types).
 * `renderCard` parses a card with the real `adaptivecards` renderer and the
 * Teams host config, collects every parse and validation event, renders it
 * into #host and records what an action would send (Action.Execute's data
 * merged with the inputs, as Teams would post it).
 */
export const BROWSER_SCRIPT = String.raw`
(function () {
  var AC = window.AdaptiveCards;
  var escapeHtml = function (s) {
    return s.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  };
  // Teams renders a markdown subset; bold is all the cards use.
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = escapeHtml(text).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>");
    result.didProcess = true;
  };
  window.renderCard = function (json, hostConfig) {
    var host = document.getElementById("host");
    host.innerHTML = "";
    window.lastAction = null;
    var card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(hostConfig);
    var context = new AC.SerializationContext();
    card.parse(json, context);
    var events = [];
    for (var i = 0; i < context.eventCount; i++) {
      var e = context.getEventAt(i);
      events.push("parse: " + e.message);
    }
    var validation = card.validateProperties();
    validation.validationEvents.forEach(function (e) {
      events.push("validate: " + e.message);
    });
    card.onExecuteAction = function (action) {
      window.lastAction = {
        type: action.getJsonTypeName(),
        verb: action.verb,
        data: action.data,
      };
    };
    var element = card.render();
    if (!element) events.push("render: nothing rendered");
    else host.appendChild(element);
    var buttons = Array.prototype.map.call(host.querySelectorAll("button"), function (b) {
      return (b.textContent || "").trim();
    });
    return { events: events, text: host.innerText, buttons: buttons };
  };
})();
`;

/** A little of Teams' look, so the screenshots read like the chat they go to. */
export const TEAMS_CSS = `
body { margin: 0; background: #f5f5f5; font-family: "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif; }
#frame { padding: 16px; width: 480px; }
#host { background: #ffffff; border: 1px solid #e1dfdd; border-radius: 6px; overflow: hidden; }
.ac-input { font-family: inherit; font-size: 14px; }
.ac-textInput, .ac-multichoiceInput, .ac-dateInput, .ac-timeInput, .ac-numberInput {
  border: 1px solid #d1d1d1; border-radius: 4px; padding: 5px 8px; background: #fff;
}
.ac-textInput.ac-multiline { min-height: 56px; }
.ac-pushButton { border: 1px solid #d1d1d1; border-radius: 4px; color: #242424; padding: 5px 12px; }
.ac-pushButton.style-positive { background: #5b5fc7; border-color: #5b5fc7; color: #fff; }
.ac-pushButton.style-destructive { background: #c4314b; border-color: #c4314b; color: #fff; }
.ac-pushButton.subdued { color: #616161; border-color: #e1dfdd; }
.ac-pushButton.style-positive.subdued { color: #fff; opacity: 0.6; }
.ac-pushButton.expanded { background: #e8ebfa; color: #242424; border-color: #5b5fc7; }
/* The renderer's chevron is a glyph of an icon font Teams has and this page does not. */
.ac-pushButton.expandable:after { font-family: inherit; font-size: 12px; content: " \\25BE"; }
.ac-pushButton.expandable.expanded:after { content: " \\25B4"; }
`;

// The code editor of the page: CodeMirror 6 with Python, bundled by esbuild into
// static/editor.bundle.js (an IIFE that sets window.playgroundEditor). The wasm side calls
// mount() once and then talks to the returned handle; nothing here knows about Flask.
import { EditorState, Compartment, Prec, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration, EditorView, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars,
  drawSelection, highlightActiveLine,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { HighlightStyle, bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { python } from "@codemirror/lang-python";
import { oneDarkTheme } from "@codemirror/theme-one-dark";
import { setDiagnostics, lintGutter, lintKeymap } from "@codemirror/lint";

// The editing features the playground needs (line numbers, auto-indent, undo/redo, search,
// bracket matching and closing), picked from CodeMirror's basicSetup. Left out: the completion
// popup and code folding — about 9 kB gzipped the page budget has better uses for.
const setup = [
  lineNumbers(),
  highlightActiveLineGutter(),
  highlightSpecialChars(),
  history(),
  drawSelection(),
  EditorState.allowMultipleSelections.of(true),
  indentOnInput(),
  bracketMatching(),
  closeBrackets(),
  highlightActiveLine(),
  highlightSelectionMatches(),
  keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...lintKeymap]),
];

// The step-through's line: one line decoration, replaced by each setCurrentLine.
const setCurrent = StateEffect.define();
const currentLine = StateField.define({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setCurrent)) continue;
      const doc = transaction.state.doc;
      next = effect.value >= 1 && effect.value <= doc.lines
        ? Decoration.set([Decoration.line({ class: "cm-step-line" }).range(doc.line(effect.value).from)])
        : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

// The code's colours, ours in light and in dark: each reaches WCAG AA contrast (4.5:1) on the
// editor's background and on the cursor's line, which the stock palettes do not (CodeMirror's
// default orange 3.6:1 on white; one-dark's names 4.1:1 and keywords 4.4:1 on its active line).
// one-dark still draws the dark editor itself (background, gutter, cursor, selection).
const palette = (colour) =>
  syntaxHighlighting(
    HighlightStyle.define([
      { tag: [tags.keyword, tags.controlKeyword, tags.operatorKeyword, tags.moduleKeyword], color: colour.keyword },
      { tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName)), tags.definition(tags.className)], color: colour.definition },
      { tag: [tags.string, tags.docString], color: colour.string },
      { tag: [tags.regexp, tags.escape, tags.special(tags.string)], color: colour.special },
      { tag: [tags.number, tags.bool, tags.atom, tags.null, tags.self], color: colour.literal },
      { tag: [tags.className, tags.typeName, tags.namespace], color: colour.type },
      { tag: [tags.propertyName, tags.attributeName], color: colour.property },
      { tag: [tags.comment, tags.meta], color: colour.comment, fontStyle: "italic" },
      { tag: tags.invalid, color: colour.invalid },
    ]),
  );
const lightColours = palette({
  keyword: "#7a2ab3", definition: "#1f5fbf", string: "#1d7a30", special: "#b23400", literal: "#9a5200",
  type: "#8a5a00", property: "#0e6f78", comment: "#5d6677", invalid: "#b42318",
});
const darkColours = palette({
  keyword: "#d08fe5", definition: "#7cbcf2", string: "#98c379", special: "#6fcad5", literal: "#e0a872",
  type: "#e5c07b", property: "#ec8c93", comment: "#9aa3b2", invalid: "#ff7b72",
});
// one-dark's gutter numbers (#7d8799, 3.9:1) made lighter; highest precedence because
// CodeMirror mounts earlier theme rules later, so they win over one-dark's.
const darkGutter = Prec.highest(EditorView.theme({ ".cm-gutters": { color: "#9aa3b2" } }, { dark: true }));

// What the editor's label says a file is: the app's code, or another file of the project.
const describe = (name) =>
  name === "app.py" ? "app.py — the Flask app's code" : `${name} — a file of the project`;

function mount(parent, text, onChange) {
  const theme = new Compartment();
  const themeFor = (dark) => (dark ? [oneDarkTheme, darkColours, darkGutter] : [lightColours]);
  const dark = () => Boolean(darkQuery && darkQuery.matches);
  // Each file gets a state of its own (its text, undo history, language); Python is the only
  // language bundled — templates, stylesheets and data are plain text (a language pack per
  // type would cost the page budget more than highlighting is worth here).
  const stateFor = (name, doc) =>
    EditorState.create({
      doc,
      extensions: [
        setup,
        keymap.of([indentWithTab]),
        name.endsWith(".py") ? python() : [],
        lintGutter(),
        currentLine,
        theme.of(themeFor(dark())),
        // tabindex 0 says outright what contenteditable already makes true (the code is a Tab stop), so
        // checkers see the scrolling editor as reachable by keyboard.
        EditorView.contentAttributes.of({ "aria-label": describe(name), "aria-describedby": "editor-keys", tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    });
  const view = new EditorView({ parent, state: stateFor("app.py", text) });
  let shown = "app.py";
  const kept = new Map();
  if (darkQuery) {
    darkQuery.addEventListener("change", (event) =>
      view.dispatch({ effects: theme.reconfigure(themeFor(event.matches)) }),
    );
  }
  const setFile = (name, next) => {
    if (name === shown) return;
    kept.set(shown, view.state);
    const state = kept.get(name);
    view.setState(state && state.doc.toString() === next ? state : stateFor(name, next));
    view.dispatch({ effects: theme.reconfigure(themeFor(dark())) });
    shown = name;
  };
  // Read by the performance test: navigation start → an editor that takes input.
  if (window.performance && performance.mark) performance.mark("editor-ready");
  return {
    getText: () => view.state.doc.toString(),
    setText: (next) => {
      if (next !== view.state.doc.toString()) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
      }
    },
    focus: () => view.focus(),
    setFile,
    setCurrentLine: (line) => {
      const doc = view.state.doc;
      const effects = [setCurrent.of(line)];
      if (line >= 1 && line <= doc.lines) effects.push(EditorView.scrollIntoView(doc.line(line).from, { y: "center" }));
      view.dispatch({ effects });
    },
    // Marks Python errors on their lines: `marks` is a JSON array of
    // {line, severity: "error"|"warning", message} (1-based lines; out-of-range lines are skipped).
    setMarks: (marks) => {
      const doc = view.state.doc;
      const diagnostics = JSON.parse(marks)
        .filter((mark) => mark.line >= 1 && mark.line <= doc.lines)
        .map((mark) => {
          const line = doc.line(mark.line);
          const indent = line.text.length - line.text.trimStart().length;
          return { from: line.from + indent, to: line.to, severity: mark.severity, message: mark.message };
        });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
  };
}

window.playgroundEditor = { mount };
// The bundle is deferred after the wasm loader (scripts/load-order.mjs): an editor component that
// was ready first waits for this event.
dispatchEvent(new Event("playground-editor"));

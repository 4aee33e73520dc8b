//! The report's style sheet, inline so the page needs nothing else.
//!
//! Every difference category has a colour *and* a line style and a text
//! label, so the marks still read printed in black and white or by a
//! reader who does not see the colours.

pub(super) const CSS: &str = r#"
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --paper: #fff; --tint: #f5f5f7; --accent: #1b4f8a; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--paper); font: 16px/1.55 Georgia, "Times New Roman", serif; }
header, main, footer { max-width: 76rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; border-bottom: 1px solid var(--rule); }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
nav { font: 14px/1.4 system-ui, sans-serif; padding: .3rem 0 .8rem; }
a { color: var(--accent); }
.ui, table, .tag, .legend, .meta, .stance, footer { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
.meta { color: var(--muted); font-size: .85rem; }
.lead { font-size: 1.1rem; }
table { border-collapse: collapse; font-size: .9rem; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--tint); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.plain { padding-left: 1.1rem; margin: .3rem 0; }
.framing li { margin: .25rem 0; }
.words { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .4rem 1.5rem; }
.words p { margin: .2rem 0; }
.grid-wrap { overflow-x: auto; }
table.grid { table-layout: fixed; width: 100%; }
table.grid th.claim { width: 36%; font-weight: normal; }
table.grid thead th { font-size: .8rem; overflow-wrap: anywhere; vertical-align: bottom; }
table.grid td.cell { text-align: center; vertical-align: middle; }
table.grid a.stance { text-decoration: none; white-space: nowrap; }
td.absent { color: #9a9aa0; background: repeating-linear-gradient(45deg, #fcfcfd, #fcfcfd 5px, #f3f3f5 5px, #f3f3f5 10px); }
.stance { font-size: .82rem; }
.st-states { font-weight: 700; color: var(--ink); }
.st-attributes { color: #5b2c9a; }
.st-hedges { font-style: italic; color: #1f4ea3; }
.st-carries { color: var(--muted); }
.cues { display: block; font-size: .72rem; line-height: 1.25; color: var(--muted); overflow-wrap: anywhere; }
.legend p { flex-basis: 100%; margin: 0 0 .2rem; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: .85rem; padding: .5rem .7rem; background: var(--tint); border: 1px solid var(--rule); margin: .5rem 0 1rem; }
section.claim { border-top: 1px solid var(--rule); padding-top: .3rem; }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: .8rem; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .7rem; background: #fff; break-inside: avoid; }
.card h4 { margin: 0 0 .3rem; font: 600 .9rem/1.3 system-ui, sans-serif; display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 .5rem; }
.card h4 span { overflow-wrap: anywhere; }
.card h4 a { font-weight: 400; white-space: nowrap; }
.card p { margin: 0 0 .3rem; }
.diffs { font-size: .9rem; margin: .6rem 0 0; padding: .4rem .7rem; list-style: none; border-left: 3px solid var(--rule); }
.diffs li { margin: .15rem 0; }
.diffs details { color: var(--muted); }
.diffs summary { cursor: pointer; font: .85rem system-ui, sans-serif; }
.diffs details ul { list-style: none; padding-left: 0; margin: .2rem 0; }
.diffs .tag { vertical-align: baseline; display: inline-block; min-width: 5.2em; margin: 0; }
mark { color: inherit; padding: 0 .1em; border-radius: 2px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.tag { display: inline; font-size: .62rem; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; vertical-align: super; line-height: 1; margin-left: .12em; color: #333; }
.d-actor_label { background: #fbd9a6; border-bottom: 2px solid #9a5a00; }
.d-hedging { background: #cfe0ff; font-style: italic; border-bottom: 2px dotted #1f4ea3; }
.d-attribution { background: #e2d4f7; border-bottom: 2px dashed #5b2c9a; }
.d-spelling_variant { background: #e4e4e8; text-decoration: underline wavy #555; }
.d-quantity { background: #cdeccd; font-weight: 700; }
.d-scare_quotes { background: #fff1a0; text-decoration: overline underline; }
.d-evaluative { background: #f7c9c9; text-decoration: underline double #9b1c1c; }
.d-other { background: none; padding: 0; border-bottom: 1px dotted #888; }
article.doc { border-top: 1px solid var(--rule); margin-top: 1.2rem; }
article.doc p { margin: .5rem 0; max-width: 50rem; }
.sent { padding: 0 .05em; }
.sent.in-claim { background: #eef4fb; border-bottom: 1px solid #9db7d6; }
.sent.unmatched { font-style: italic; }
.sent.chrome { color: #8a8a90; font-size: .88em; }
.sent:target, .card:target, section:target { outline: 3px solid #f0a500; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
footer { color: var(--muted); font-size: .8rem; border-top: 1px solid var(--rule); margin-top: 3rem; padding: 1rem 1.5rem 2rem; }
@media print {
  body { font-size: 11pt; }
  nav, .grid-wrap { overflow: visible; }
  table.grid { min-width: 0 !important; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; }
  /* A long claim may run over a page; its cards and each line may not. */
  .card, tr, .diffs li { break-inside: avoid; }
  .sent:target, .card:target, section:target { outline: none; }
}
"#;

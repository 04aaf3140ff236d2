/**
 * The widget's styles, inside its shadow root: the host page's CSS cannot reach in and ours
 * cannot leak out. Colours keep WCAG AA contrast (4.5:1 for text).
 */
export const styles = `
:host { all: initial; }
* { box-sizing: border-box; }
.fl { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
/* :where() keeps these at zero specificity, under the component classes below. */
:where(.fl) :where(button, input, textarea, select) { font: inherit; color: inherit; }
.fl :focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; border: 0; border-radius: 999px; padding: 12px 20px;
  background: #1d4ed8; color: #fff; font-weight: 600; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.launcher:hover { background: #1e40af; }
.panel { position: fixed; right: 20px; bottom: 84px; z-index: 2147483000; width: 370px; max-width: calc(100vw - 24px);
  height: 580px; max-height: calc(100vh - 110px); display: flex; flex-direction: column; background: #fff;
  border-radius: 14px; box-shadow: 0 10px 40px rgba(0,0,0,.28); overflow: hidden; }
.panel[hidden] { display: none; }
@media (max-width: 480px) { .panel { right: 0; bottom: 0; width: 100vw; max-width: 100vw; height: 100vh; max-height: 100vh; border-radius: 0; } }
.header { display: flex; align-items: center; gap: 10px; padding: 12px 14px; background: #1d4ed8; color: #fff; }
.header h2 { flex: 1; margin: 0; font-size: 16px; }
.header button { border: 0; background: transparent; color: #fff; cursor: pointer; padding: 6px 8px; border-radius: 6px; }
.header button:hover { background: rgba(255,255,255,.15); }
.avatar { flex: none; width: 32px; height: 32px; border-radius: 50%; display: grid; place-items: center; color: #fff;
  font-size: 13px; font-weight: 700; border: 2px solid #fff; }
.status { padding: 8px 14px; background: #eef2ff; color: #1e3a8a; font-size: 14px; }
.status:empty { display: none; }
.status.warn { background: #fff7ed; color: #7c2d12; }
.body { flex: 1; overflow-y: auto; padding: 12px 14px; display: flex; flex-direction: column; gap: 8px; }
.log { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.visitor { align-self: flex-end; background: #1d4ed8; color: #fff; border-bottom-right-radius: 4px; }
.msg.visitor a { color: #fff; }
.msg.agent, .msg.system { align-self: flex-start; background: #f1f3f5; border-bottom-left-radius: 4px; }
.msg.agent a, .msg.system a { color: #1d4ed8; }
.msg p, .msg ul, .msg ol, .msg blockquote { margin: 4px 0; white-space: normal; }
.msg ul, .msg ol { padding-left: 20px; }
.msg ul { list-style: disc; }
.msg ol { list-style: decimal; }
.msg blockquote { padding-left: 8px; border-left: 3px solid #adb5bd; }
.msg code { font-size: .9em; background: rgba(0,0,0,.06); padding: 0 3px; border-radius: 3px; }
.msg .who { display: block; font-size: 12px; font-weight: 600; margin-bottom: 2px; }
.msg .meta { display: block; font-size: 12px; margin-top: 2px; opacity: .9; }
.msg.pending { opacity: .75; }
.msg.failed { background: #fee2e2; color: #7f1d1d; }
.msg img { display: block; max-width: 100%; max-height: 180px; border-radius: 8px; margin-top: 6px; }
.msg a.file { display: block; margin-top: 6px; }
.msg a.file .size { opacity: .85; white-space: nowrap; }
.note { align-self: center; font-size: 13px; color: #57606a; text-align: center; }
.typing { font-size: 13px; color: #57606a; min-height: 18px; padding: 0 14px; }
.footer { border-top: 1px solid #d0d7de; padding: 10px 14px; display: flex; flex-direction: column; gap: 8px; }
.row { display: flex; gap: 8px; align-items: flex-end; }
.row textarea { flex: 1; resize: none; min-height: 40px; max-height: 120px; }
.field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 10px; }
.field label { font-weight: 600; font-size: 14px; }
.field input, .field textarea, .field select, .row textarea { border: 1px solid #6e7781; border-radius: 8px; padding: 8px 10px; background: #fff; width: 100%; }
.field [aria-invalid="true"] { border-color: #b91c1c; }
.error { color: #b91c1c; font-size: 13px; }
.error:empty { display: none; }
.primary { border: 0; border-radius: 8px; padding: 10px 16px; background: #1d4ed8; color: #fff; font-weight: 600; cursor: pointer; }
.primary:hover { background: #1e40af; }
.primary[disabled] { background: #57606a; cursor: default; }
.secondary { border: 1px solid #6e7781; border-radius: 8px; padding: 8px 12px; background: #fff; color: #1f2328; cursor: pointer; }
.links { display: flex; flex-wrap: wrap; gap: 8px; }
.linkish { border: 0; background: none; padding: 0; color: #1d4ed8; text-decoration: underline; cursor: pointer; font-size: 13px; }
.files { list-style: none; margin: 0; padding: 0; font-size: 13px; display: flex; flex-direction: column; gap: 4px; }
.honeypot { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.form { background: #fff; border-radius: 12px; padding: 20px; max-width: 560px; }
.alert { border-radius: 8px; padding: 10px 12px; background: #fee2e2; color: #7f1d1d; margin-bottom: 12px; }
.alert:empty { display: none; }
.success { border-radius: 8px; padding: 12px 14px; background: #dcfce7; color: #14532d; }
`;

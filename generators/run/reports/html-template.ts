/**
 * The handlebars template of gatecheck's HTML report. Everything the page needs is inline (styles,
 * no script, no font, no image): it opens from a CI artifact or a mail attachment with no network,
 * and its Content-Security-Policy forbids fetching anything at all. Every value is escaped by
 * handlebars (`{{ }}`); the only link targets are http(s) addresses checked in html-report.ts.
 */
export const reportTemplate = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gatecheck: {{collection}}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header{background:#1d232a;color:#fff;padding:16px 24px}
header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#c9d1d9}
main{padding:16px 24px;max-width:1400px}
section{background:#fff;border:1px solid #d8dee4;border-radius:6px;padding:12px 16px;margin:0 0 16px}
h2{font-size:16px;margin:0 0 8px}
.outcome{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600}
.outcome.passed{background:#1f883d}.outcome.failed{background:#cf222e}.outcome.error{background:#9a6700}
.counts{display:flex;gap:12px;flex-wrap:wrap;margin:0;padding:0;list-style:none}
.counts li{border:1px solid #d8dee4;border-radius:6px;padding:6px 12px;min-width:90px}
.counts b{display:block;font-size:22px}
table{border-collapse:collapse}
td,th{padding:3px 6px;text-align:left;vertical-align:top}
.grid th{font-weight:500;white-space:nowrap;padding-right:12px}
.cells{display:flex;flex-wrap:wrap;gap:2px}
.cell{width:14px;height:14px;border-radius:2px;display:inline-block}
.passed .cell,.cell.passed{background:#2da44e}.cell.failed{background:#cf222e}.cell.inconclusive{background:#bc4c00}.cell.skipped{background:#afb8c1}
.legend .cell{vertical-align:middle;margin:0 4px 0 12px}
.matrix td,.matrix th{border:1px solid #d8dee4;text-align:center}
.matrix th:first-child,.matrix td:first-child{text-align:left}
.m-allowed,.m-refused{background:#dafbe1}.m-failed,.m-inconclusive{background:#ffebe9}.m-skipped{background:#eaeef2}
.failure{border-left:4px solid #cf222e;padding:4px 12px;margin:0 0 12px}
.failure.inconclusive{border-color:#bc4c00}
.failure h3{font-size:14px;margin:0}
.reason{margin:2px 0 6px}
pre{background:#f6f8fa;border:1px solid #d8dee4;border-radius:4px;padding:6px 8px;overflow-x:auto;white-space:pre-wrap;word-break:break-all;margin:4px 0;font-size:12px}
details>summary{cursor:pointer}
.muted{color:#57606a}
ul.checks{columns:2;list-style:none;padding:0;margin:0}
ul.checks li{break-inside:avoid}
.status{font-weight:600}.status.failed{color:#cf222e}.status.inconclusive{color:#bc4c00}.status.skipped{color:#57606a}.status.passed{color:#1f883d}
</style>
</head>
<body>
<header>
<h1>gatecheck: {{collection}}</h1>
<p><span class="outcome {{outcomeClass}}">{{outcome}}</span> &nbsp; {{startedAt}} &middot; {{duration}} &middot; sign-ins: {{signIns}}{{#if shard}} &middot; shard {{shard}}{{/if}}{{#if mergedFrom}} &middot; merged from {{mergedFrom}} shard(s){{/if}}</p>
</header>
<main>
<section id="summary">
<h2>Summary</h2>
<ul class="counts">
<li><b>{{counts.checks}}</b>checks{{#if countedParts}}: {{countedParts}}{{/if}}</li>
<li><b>{{counts.passed}}</b>passed</li>
<li><b>{{counts.failed}}</b>failed</li>
<li><b>{{counts.inconclusive}}</b>inconclusive</li>
<li><b>{{counts.skipped}}</b>skipped</li>
</ul>
{{#if signInFailure}}<p class="reason"><b>Sign-in failed:</b> {{signInFailure}}. The API checks were not run.</p>{{/if}}
{{#each notes}}<p class="muted">{{this}}</p>{{/each}}
{{#if description}}<p class="muted">{{#each description}}{{#if href}}<a href="{{href}}" rel="noopener noreferrer nofollow">{{text}}</a>{{else}}{{text}}{{/if}}{{/each}}</p>{{/if}}
</section>
<section id="grid">
<h2>Operations &times; checks</h2>
<p class="legend muted"><span class="cell passed"></span>passed<span class="cell failed"></span>failed<span class="cell inconclusive"></span>inconclusive<span class="cell skipped"></span>skipped</p>
<table class="grid">
{{#each grid}}<tr><th>{{group}}</th><td class="muted">{{passed}}/{{total}}</td><td><span class="cells">{{#each cells}}<span class="cell {{status}}" title="{{label}}: {{status}}"></span>{{/each}}</span></td></tr>
{{/each}}
</table>
</section>
{{#if matrix}}
<section id="authz">
<h2>Authorization matrix</h2>
<table class="matrix">
<tr><th>operation</th>{{#each matrix.personas}}<th>{{this}}</th>{{/each}}</tr>
{{#each matrix.rows}}<tr><td>{{operation}}</td>{{#each cells}}<td class="m-{{this}}">{{this}}</td>{{/each}}</tr>
{{/each}}
</table>
</section>
{{/if}}
<section id="failures">
<h2>Failures ({{failures.length}})</h2>
{{#unless failures.length}}<p class="muted">No check failed.</p>{{/unless}}
{{#each failures}}
<div class="failure {{status}}">
<h3>{{name}} <span class="status {{status}}">{{status}}</span></h3>
<p class="reason">{{reason}}</p>
{{#if curl}}<pre>{{curl}}</pre>{{/if}}
{{#if request}}<details><summary>request and answer</summary>
<pre>{{request}}</pre>
{{#if response}}<pre>{{response}}</pre>{{else}}<p class="muted">no answer</p>{{/if}}
{{#if assertions.length}}<table>{{#each assertions}}<tr><td class="status {{status}}">{{status}}</td><td>{{name}}{{#if message}}: {{message}}{{/if}}</td></tr>{{/each}}</table>{{/if}}
</details>{{/if}}
</div>
{{/each}}
{{#if failuresLeftOut}}<p class="muted">... and {{failuresLeftOut}} more failure(s): see summary.json and junit.xml.</p>{{/if}}
</section>
{{#if skipped.length}}
<section id="skipped">
<h2>Skipped ({{skippedCount}})</h2>
<table>{{#each skipped}}<tr><td>{{count}}</td><td>{{reason}}<div class="muted">{{names}}</div></td></tr>{{/each}}</table>
</section>
{{/if}}
<section id="checks">
<details><summary>Every check ({{counts.checks}})</summary>
<ul class="checks">{{#each checks}}<li><span class="status {{status}}">{{status}}</span> {{name}}</li>{{/each}}</ul>
</details>
</section>
</main>
</body>
</html>
`;

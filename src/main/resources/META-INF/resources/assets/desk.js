// The curator's desk: a report in, its draft (POST /api/v1/drafts) shown on the report with each statement's span
// highlighted in its speaker's colour, corrected here, then published through POST /api/v1/import (a dry run first).
// Plain DOM code. The report and the statements are untrusted text: they only ever reach the page as text nodes
// (textContent, createTextNode), never as markup. Calls carry the sign-in session cookie (credentials: 'same-origin').

const DRAFTS = '/api/v1/drafts';
const IMPORT = '/api/v1/import';
const EVENTS = '/api/v1/events';
/** Speaker colours (see parley.css, .speaker-0 ...): a colour per participant, in the order of the draft. */
const COLOURS = 8;

const $ = (id) => document.getElementById(id);

/** Creates an element with attributes and children (strings become text nodes). */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name === 'text') {
      element.textContent = value;
    } else if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

/** What the desk holds: the report as drafted, the draft, and the curator's corrections of it. */
const state = {
  request: null, // the draft request as sent
  doc: null, // the draft as answered
  event: null, // its event
  participants: [], // {key, name, role, country, note}
  colours: new Map(), // participant key -> colour index
  names: new Map(), // participant key -> name, also of those removed from the event
  statements: [], // the import statements, each with its note
  firstPosition: 1,
  checked: null, // the document a dry run accepted, as JSON
};

// ---------------------------------------------------------------------------------------------------------------
// Talking to the API

async function call(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
    body: JSON.stringify(body),
  });
  let payload = null;
  try {
    payload = await response.json();
  } catch (e) {
    payload = null;
  }
  return { status: response.status, ok: response.ok, body: payload };
}

// ---------------------------------------------------------------------------------------------------------------
// Problems next to the fields they name

/** Removes every problem shown. */
function clearProblems() {
  for (const message of document.querySelectorAll('.problem-msg')) {
    message.remove();
  }
  for (const field of document.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
    const described = field.dataset.describedby;
    if (described) {
      field.setAttribute('aria-describedby', described);
    } else {
      field.removeAttribute('aria-describedby');
    }
  }
  const general = $('desk-problems');
  general.replaceChildren();
  general.hidden = true;
}

/** The element a violation's field names under a scope ('draft' or 'doc'), or the nearest one that names a parent. */
function fieldFor(scope, path) {
  let at = path;
  while (at) {
    const found = document.getElementById(`${scope}.${at}`);
    if (found) {
      return found;
    }
    const cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
    at = cut > 0 ? at.slice(0, cut) : '';
  }
  return null;
}

let problemCount = 0;

/** Shows one violation next to its field; false when the page has no such field. */
function showViolation(scope, violation) {
  const target = fieldFor(scope, violation.field || '');
  if (!target) {
    return false;
  }
  const id = `problem-${++problemCount}`;
  const message = el('p', { class: 'problem-msg', id }, violation.message || 'is not valid');
  const control = target.matches('input, select, textarea') ? target : null;
  if (control) {
    if (!control.hasAttribute('aria-invalid')) {
      control.dataset.describedby = control.getAttribute('aria-describedby') || '';
    }
    control.setAttribute('aria-invalid', 'true');
    const described = control.getAttribute('aria-describedby');
    control.setAttribute('aria-describedby', described ? `${described} ${id}` : id);
    const field = control.closest('.field');
    if (field) {
      field.append(message);
    } else {
      control.after(message);
    }
  } else {
    // a fieldset or a statement: the message goes under its heading, and says which part is wrong
    if (violation.field && target.id !== `${scope}.${violation.field}`) {
      message.textContent = `${violation.field}: ${message.textContent}`;
    }
    const head = target.querySelector(':scope > legend, :scope > .statement-head, :scope > .participant-head');
    if (head) {
      head.after(message);
    } else {
      target.prepend(message);
    }
  }
  return true;
}

/** Shows an API problem: each violation by its field, the rest (and the problem itself) above the desk. */
function showProblem(scope, result) {
  clearProblems();
  const general = $('desk-problems');
  const problem = result.body || {};
  const lines = [];
  if (result.status === 401 || result.status === 403) {
    lines.push(el('p', {}, result.status === 401 ? 'Your session has ended. ' : 'Your account may not edit. ',
      el('a', { href: '/sign-in?next=/desk' }, 'Sign in again'), ' (what you typed here stays in this page).'));
  } else {
    lines.push(el('p', {}, el('strong', {}, problem.title || `HTTP ${result.status}`),
      problem.detail ? `: ${problem.detail}` : ''));
  }
  const unplaced = (problem.violations || []).filter((v) => !showViolation(scope, v));
  if (unplaced.length) {
    lines.push(el('ul', {}, unplaced.map((v) => el('li', {}, `${v.field}: ${v.message}`))));
  }
  general.replaceChildren(...lines);
  general.hidden = false;
  const first = document.querySelector('[aria-invalid="true"]');
  if (first) {
    first.focus();
  } else {
    general.setAttribute('tabindex', '-1');
    general.focus();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Drafting

function draftRequest(form, mergeInto) {
  const request = {};
  for (const name of ['text', 'url', 'publisher', 'title', 'publishedAt', 'language']) {
    const value = form.elements[name].value;
    if (name === 'text' ? value.length > 0 : value.trim() !== '') {
      request[name] = name === 'text' ? value : value.trim();
    }
  }
  if (!('text' in request)) {
    request.text = '';
  }
  if (mergeInto) {
    request.mergeInto = mergeInto;
  }
  return request;
}

async function draft(request, status) {
  const button = $('draft-button');
  button.disabled = true;
  status.textContent = 'Drafting…';
  try {
    const result = await call(DRAFTS, request);
    if (!result.ok) {
      status.textContent = 'The report could not be drafted: see the problems shown.';
      showProblem('draft', result);
      return;
    }
    clearProblems();
    load(request, result.body);
    status.textContent = state.event
      ? `Drafted: ${state.statements.length} statements.`
      : 'Drafted, but the report gives no event.';
    $('draft-heading').setAttribute('tabindex', '-1');
    $('draft-heading').focus();
  } catch (e) {
    status.textContent = 'Parley could not be reached. Try again.';
  } finally {
    button.disabled = false;
  }
}

/** Takes a draft in. */
function load(request, doc) {
  state.request = request;
  state.doc = doc;
  state.event = doc.events[0] || null;
  state.checked = null;
  const notes = doc.draft || {};
  const noteOf = new Map((notes.participants || []).map((p) => [p.key, p]));
  state.colours = new Map();
  state.names = new Map((notes.participants || []).map((p) => [p.key, p.name]));
  state.participants = (state.event ? state.event.participants : []).map((p, i) => {
    const note = noteOf.get(p.participant) || {};
    state.colours.set(p.participant, i % COLOURS);
    return { key: p.participant, name: note.name || p.participant, role: p.role || '', country: note.country, note };
  });
  const statementNotes = new Map((notes.statements || []).map((n) => [n.position, n]));
  state.statements = (doc.statements || []).map((s) => ({ ...s, note: statementNotes.get(s.position) || null }));
  state.firstPosition = state.statements.length
    ? Math.min(...state.statements.map((s) => s.position || 1)) : 1;
  render();
}

// ---------------------------------------------------------------------------------------------------------------
// Showing the draft

function nameOf(key) {
  return state.names.get(key) || key;
}

function colourClass(key) {
  return state.colours.has(key) ? `speaker-${state.colours.get(key)}` : 'speaker-none';
}

function render() {
  const section = $('draft');
  section.hidden = false;
  renderSummary();
  const columns = section.querySelector('.desk-columns');
  columns.hidden = !state.event;
  if (!state.event) {
    return;
  }
  $('doc.events[0].title').value = state.event.title || '';
  $('doc.events[0].date').value = state.event.date || '';
  $('doc.events[0].type').value = state.event.type || 'OTHER';
  renderReport();
  renderParticipants();
  renderDuplicates();
  renderStatements();
  renderImportResult(null);
}

function renderSummary() {
  const notes = state.doc.draft || {};
  const parts = [];
  if (notes.language) {
    parts.push(`Language: ${notes.language} (${notes.languageCue}).`);
  }
  if (notes.event) {
    parts.push(`Type: ${notes.event.typeCue || 'no cue'}. Date: ${notes.event.dateReasoning || 'no cue'}.`);
  }
  if (notes.reason) {
    parts.push(notes.reason);
  }
  if (state.request.mergeInto) {
    parts.push(`Merged into the stored event ${state.request.mergeInto}.`);
  }
  const summary = $('draft-summary');
  summary.replaceChildren(parts.join(' '));
  if (state.request.mergeInto) {
    summary.append(' ', el('button', { type: 'button', id: 'unmerge', onclick: () => redraft(null) },
      'Draft as a new event instead'));
  }
  const skipped = notes.skipped || [];
  if (skipped.length) {
    summary.append(el('details', { class: 'skipped' },
      el('summary', {}, `Sentences without a statement (${skipped.length})`),
      el('ul', {}, skipped.map((s) => el('li', {}, el('q', {}, s.text), ` — ${s.reason}`)))));
  }
}

/** The report with every statement's span as a <mark> in its speaker's colour, numbered as in the panel. */
function renderReport() {
  const text = state.request.text;
  const view = $('report-view');
  const ordered = state.statements.map((s, i) => ({ s, i })).filter(({ s }) => s.span)
    .sort((a, b) => a.s.span.start - b.s.span.start);
  const nodes = [];
  let at = 0;
  for (const { s, i } of ordered) {
    if (s.span.start < at || s.span.end > text.length) {
      continue; // overlapping or outside the text: the panel still lists it
    }
    nodes.push(document.createTextNode(text.slice(at, s.span.start)));
    nodes.push(el('mark', {
      class: colourClass(s.speaker), 'data-statement': String(i + 1),
      title: `Statement ${i + 1}: ${nameOf(s.speaker)}`,
    }, text.slice(s.span.start, s.span.end)));
    nodes.push(el('sup', { class: 'mark-number' }, `${i + 1}`));
    at = s.span.end;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  view.replaceChildren(...nodes);
  view.setAttribute('lang', (state.doc.draft && state.doc.draft.language) || '');
  $('speaker-legend').replaceChildren(...state.participants.map((p) => el('li', {},
    el('span', { class: `swatch ${colourClass(p.key)}`, 'aria-hidden': 'true' }), p.name)));
}

function renderParticipants() {
  const list = $('participant-list');
  list.replaceChildren(...state.participants.map((p, j) => {
    const path = `doc.events[0].participants[${j}]`;
    const note = p.note || {};
    const how = note.participantId ? `stored, ${note.matchedBy || 'matched'}` : 'proposed as new';
    return el('li', { id: path, class: 'participant' },
      el('div', { class: 'participant-head' },
        el('span', { class: `swatch ${colourClass(p.key)}`, 'aria-hidden': 'true' }),
        el('strong', {}, p.name), ` ${p.country ? `(${p.country}) ` : ''}— ${how}`),
      el('div', { class: 'field' },
        el('label', { for: `${path}.role` }, `Role of ${p.name}`),
        el('input', { id: `${path}.role`, value: p.role, oninput: (e) => { p.role = e.target.value; changed(); } })),
      el('button', {
        type: 'button', class: 'secondary',
        onclick: () => { removeParticipant(p.key); },
      }, `Remove ${p.name}`));
  }));
}

function removeParticipant(key) {
  state.participants = state.participants.filter((p) => p.key !== key);
  changed();
  renderReport();
  renderParticipants();
  renderStatements();
  const next = $('participant-list').querySelector('button') || $('dry-run');
  next.focus();
}

function renderDuplicates() {
  const duplicates = (state.doc.draft && state.doc.draft.duplicates) || [];
  const section = $('duplicates');
  section.hidden = duplicates.length === 0 || Boolean(state.request.mergeInto);
  $('duplicate-list').replaceChildren(...duplicates.map((d) => el('li', {},
    el('strong', {}, d.title), ` (${d.date}, event ${d.eventId}): ${d.reason}. `,
    d.externalId
      ? el('button', { type: 'button', onclick: () => redraft(d.externalId) }, `Merge into “${d.title}”`)
      : el('span', { class: 'hint' }, 'It has no external id to merge into; give it one first.'))));
}

/** Drafts the same report again, into a stored event (or as a new one): the corrections made here are lost. */
function redraft(mergeInto) {
  const request = { ...state.request };
  delete request.mergeInto;
  if (mergeInto) {
    request.mergeInto = mergeInto;
  }
  draft(request, $('draft-status'));
}

function renderStatements() {
  const list = $('statement-list');
  const kinds = $('kinds').content;
  list.replaceChildren(...state.statements.map((s, i) => {
    const path = `doc.statements[${i}]`;
    const n = i + 1;
    const note = s.note || {};
    const speaker = el('select', {
      id: `${path}.speaker`,
      onchange: (e) => { s.speaker = e.target.value; changed(); renderReport(); recolour(i); },
    }, state.participants.map((p) => el('option', { value: p.key }, p.name)));
    if (!state.participants.some((p) => p.key === s.speaker)) {
      speaker.append(el('option', { value: s.speaker }, `${nameOf(s.speaker)} (not a participant)`));
    }
    speaker.value = s.speaker;
    const kind = el('select', { id: `${path}.kind`, onchange: (e) => { s.kind = e.target.value; changed(); } },
      [...kinds.children].map((o) => o.cloneNode(true)));
    kind.value = s.kind;
    const details = [];
    if (note.rule) {
      details.push(`${note.rule}, cue “${note.cue}”, ${note.speakerCue}, confidence ${note.confidence}`);
    }
    if (note.split) {
      details.push(note.split);
    }
    return el('li', { id: path, class: 'statement' },
      el('div', { class: 'statement-head' },
        el('span', { class: `swatch ${colourClass(s.speaker)}`, 'aria-hidden': 'true' }),
        el('strong', { id: `${path}.heading` }, `Statement ${n}`),
        details.length ? el('span', { class: 'hint' }, ` ${details.join('; ')}`) : null),
      el('blockquote', { class: 'statement-text', lang: s.language || null, id: `${path}.text` }, s.text),
      el('div', { class: 'statement-fields' },
        el('div', { class: 'field' }, el('label', { for: `${path}.speaker` }, 'Speaker'), speaker),
        el('div', { class: 'field' }, el('label', { for: `${path}.kind` }, 'Kind'), kind)),
      splitter(s, i),
      el('button', { type: 'button', class: 'secondary drop', onclick: () => drop(i) }, `Drop statement ${n}`));
  }));
}

/** Gives statement i's swatch the colour of its new speaker. */
function recolour(i) {
  const swatch = document.getElementById(`doc.statements[${i}]`).querySelector('.swatch');
  swatch.className = `swatch ${colourClass(state.statements[i].speaker)}`;
}

/** A split point near the middle of a text, after a comma, semicolon or word when there is one. */
function splitPoint(text) {
  const middle = Math.floor(text.length / 2);
  let best = -1;
  for (const mark of [', ', '; ', ' ']) {
    for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
      const after = at + mark.length;
      if (after < text.length && (best < 0 || Math.abs(after - middle) < Math.abs(best - middle))) {
        best = after;
      }
    }
    if (best > 0) {
      return best;
    }
  }
  return Math.max(1, middle);
}

/** The two statements a split at offset k (characters into the text) gives, whitespace at the cut left out. */
function splitParts(s, k) {
  let firstEnd = k;
  while (firstEnd > 0 && /\s/.test(s.text[firstEnd - 1])) {
    firstEnd--;
  }
  let secondStart = k;
  while (secondStart < s.text.length && /\s/.test(s.text[secondStart])) {
    secondStart++;
  }
  if (firstEnd === 0 || secondStart >= s.text.length) {
    return null;
  }
  const base = s.span ? s.span.start : null;
  const part = (from, to, note) => ({
    ...s,
    text: s.text.slice(from, to),
    translation: null,
    span: base === null ? null : { start: base + from, end: base + to },
    note: { ...(s.note || {}), split: note },
  });
  return [part(0, firstEnd, 'first part of a split'), part(secondStart, s.text.length, 'second part of a split')];
}

function splitter(s, i) {
  const path = `doc.statements[${i}]`;
  const input = el('input', {
    id: `${path}.split`, type: 'number', min: '1', max: String(s.text.length - 1), step: '1',
    value: String(splitPoint(s.text)), inputmode: 'numeric', 'aria-describedby': `${path}.split-preview`,
  });
  const preview = el('p', { class: 'split-preview', id: `${path}.split-preview` });
  const showPreview = () => {
    const k = Number(input.value);
    const parts = Number.isInteger(k) && k > 0 && k < s.text.length ? splitParts(s, k) : null;
    preview.replaceChildren(...(parts
      ? ['Gives “', el('span', { class: 'part' }, parts[0].text), '” and “',
        el('span', { class: 'part' }, parts[1].text), '”.']
      : [`Choose a character between 1 and ${s.text.length - 1} that leaves words on both sides.`]));
    return parts;
  };
  input.addEventListener('input', showPreview);
  showPreview();
  const apply = () => {
    const parts = showPreview();
    if (!parts) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    state.statements.splice(i, 1, ...parts);
    changed();
    renderReport();
    renderStatements();
    document.getElementById(`doc.statements[${i + 1}].speaker`).focus();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      apply();
    }
  });
  return el('details', { class: 'split' },
    el('summary', {}, `Split statement ${i + 1}`),
    el('div', { class: 'field' },
      el('label', { for: `${path}.split` }, 'Split before character (counted from the statement’s start)'), input),
    preview,
    el('button', { type: 'button', onclick: apply }, `Split statement ${i + 1} here`));
}

function drop(i) {
  state.statements.splice(i, 1);
  changed();
  renderReport();
  renderStatements();
  const next = document.getElementById(`doc.statements[${Math.min(i, state.statements.length - 1)}].speaker`);
  (next || $('dry-run')).focus();
}

// ---------------------------------------------------------------------------------------------------------------
// Publishing

/** Anything changed: the last dry run no longer speaks for the document. */
function changed() {
  state.checked = null;
  $('publish').disabled = true;
}

/** The import document as the curator left it. */
function importDocument() {
  // the report's text goes with its source (the one whose hash the draft gives), for Parley to keep and show
  const sha256 = state.doc.draft && state.doc.draft.textSha256;
  const sources = (state.event.sources || []).map((source) => (source.textSha256 && source.textSha256 === sha256
    ? { ...source, text: state.request.text } : source));
  const event = {
    ...state.event,
    sources,
    title: $('doc.events[0].title').value,
    date: $('doc.events[0].date').value || null,
    type: $('doc.events[0].type').value,
    participants: state.participants.map((p) => ({ participant: p.key, role: p.role.trim() || null })),
  };
  const keys = new Set(state.participants.map((p) => p.key));
  const statements = state.statements.map((s, i) => {
    const { note, ...statement } = s;
    return { ...statement, event: event.externalId, position: state.firstPosition + i };
  });
  return {
    participants: (state.doc.participants || []).filter((p) => keys.has(p.externalId) || keys.has(p.wikidataId)),
    topics: state.doc.topics || [],
    events: [event],
    statements,
  };
}

function renderImportResult(result, published) {
  const box = $('import-result');
  if (!result) {
    box.replaceChildren();
    return;
  }
  const rows = ['participants', 'topics', 'events', 'statements'].map((c) => el('tr', {},
    el('th', { scope: 'row' }, c),
    ...['created', 'updated', 'unchanged'].map((k) => el('td', { id: `result-${c}-${k}` }, String(result[c][k])))));
  box.replaceChildren(
    el('p', {}, el('strong', {}, result.dryRun
      ? 'The dry run changed nothing. Publishing this draft would:'
      : 'Published. The import did:')),
    el('table', { class: 'counts' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'records'),
        ...['created', 'updated', 'unchanged'].map((k) => el('th', { scope: 'col' }, k)))),
      el('tbody', {}, rows)),
    published || '');
}

async function runImport(dryRun) {
  const doc = importDocument();
  const json = JSON.stringify(doc);
  const dryButton = $('dry-run');
  const publishButton = $('publish');
  if (!dryRun && state.checked !== json) {
    changed();
    return;
  }
  dryButton.disabled = true;
  publishButton.disabled = true;
  try {
    const result = await call(`${IMPORT}?dryRun=${dryRun}`, doc);
    if (!result.ok) {
      state.checked = null;
      renderImportResult(null);
      showProblem('doc', result);
      return;
    }
    clearProblems();
    if (dryRun) {
      state.checked = json;
      renderImportResult(result.body);
      publishButton.disabled = false;
    } else {
      state.checked = null;
      renderImportResult(result.body, await publishedLink(doc.events[0]));
    }
  } catch (e) {
    renderImportResult(null);
    $('import-result').textContent = 'Parley could not be reached. Try again.';
  } finally {
    dryButton.disabled = false;
  }
}

/** A link to the event just published, found in the list by its date and external id. */
async function publishedLink(event) {
  try {
    const query = new URLSearchParams({ from: event.date, to: event.date, size: '500' });
    const response = await fetch(`${EVENTS}?${query}`, { credentials: 'same-origin' });
    const page = await response.json();
    const found = (page.items || []).find((e) => e.externalId === event.externalId);
    if (found) {
      return el('p', {}, 'See it: ', el('a', { href: `/events/${found.id}`, id: 'published-link' },
        `${found.title} (${found.date})`), '.');
    }
  } catch (e) {
    // the import succeeded; only the link is missing
  }
  return el('p', {}, 'The event is in the list of events.');
}

// ---------------------------------------------------------------------------------------------------------------

function start() {
  const form = $('report-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    draft(draftRequest(form, null), $('draft-status'));
  });
  const panel = $('draft-form');
  panel.addEventListener('submit', (e) => e.preventDefault());
  for (const id of ['doc.events[0].title', 'doc.events[0].date', 'doc.events[0].type']) {
    $(id).addEventListener('input', changed);
    $(id).addEventListener('change', changed);
  }
  $('dry-run').addEventListener('click', () => runImport(true));
  $('publish').addEventListener('click', () => runImport(false));
}

start();

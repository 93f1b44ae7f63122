// The search page: asks the Pagefind index beside the site (pagefind/, written at build time by
// newsgen.search) and lists the articles found. Every URL is relative, so the archive searches the same from a sub-path or any host.
// Without this script the page keeps its note that search needs JavaScript.

const PER_PAGE = 20;
const WAIT_MS = 250; // pause after the last keystroke before searching
const FILTERS = [["source", "Source"], ["tag", "Tag"], ["year", "Year"], ["language", "Language"]];

const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const sort = document.getElementById("search-sort");
const filtersBox = document.getElementById("search-filters");
const statusLine = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const root = form.dataset.root;

let index = null;
let found = [];
let shown = 0;
let asked = 0;
let timer = 0;

function show(element, visible) {
  element.hidden = !visible;
}

function indexUrl(path) {
  return new URL(`../pagefind/${path}`, import.meta.url).href;
}

async function loadPart(entry) {
  const pagefind = await import(indexUrl(`${entry.name}/pagefind.js`));
  await pagefind.options({ baseUrl: "/", excerptLength: 30 });
  await pagefind.init();
  return { ...entry, pagefind, dead: new Set(entry.dead), dates: null };
}

async function loadIndex() {
  // The index comes in parts, listed in parts.json with the pages of each that later parts replaced
  // or that were removed ("dead": their results are dropped); each part is its own Pagefind.
  try {
    const manifest = await fetch(indexUrl("parts.json"));
    if (!manifest.ok) return null;
    const { parts } = await manifest.json();
    return await Promise.all(parts.map(loadPart));
  } catch (error) {
    return null;
  }
}

async function allFilters() {
  // Pagefind counts every page of a part; the dead pages' values are taken off again.
  const counts = {};
  const answers = await Promise.all(index.map((part) => part.pagefind.filters()));
  answers.forEach((answer, number) => {
    const dead = index[number].deadFilters;
    for (const [key, values] of Object.entries(answer)) {
      counts[key] = counts[key] || {};
      for (const [value, count] of Object.entries(values)) {
        const live = count - ((dead[key] || {})[value] || 0);
        if (live > 0) counts[key][value] = (counts[key][value] || 0) + live;
      }
    }
  });
  return counts;
}

async function searchParts(term, options) {
  // Each part's live results; by relevance everything by score, by date merged on publication time.
  const answers = await Promise.all(index.map((part) => part.pagefind.search(term, options)));
  const lists = index.map((part, number) => ({
    part,
    results: answers[number] ? answers[number].results.filter((result) => !part.dead.has(result.id)) : [],
  })).filter((list) => list.results.length);
  if (options.sort) return byDate(lists, options.sort.date === "asc" ? 1 : -1);
  return lists.flatMap((list) => list.results).sort((a, b) => b.score - a.score);
}

function overlaps(a, b) {
  return a.newest !== null && b.newest !== null && a.oldest <= b.newest && b.oldest <= a.newest;
}

function partDates(part) {
  // Page id -> publication time of one part (dates.json beside it), fetched once and only when needed.
  part.dates = part.dates || fetch(indexUrl(`${part.name}/dates.json`))
    .then((answer) => (answer.ok ? answer.json() : {}))
    .catch(() => ({}));
  return part.dates;
}

async function byDate(lists, direction) {
  // A part whose date range meets no other's keeps Pagefind's own order: all its results share one key
  // (the stable sort keeps them together). Results of overlapping parts, such as a small part of
  // recently edited articles, are keyed by their own publication time. Undated results come last.
  const keyed = [];
  for (const { part, results } of lists) {
    const exact = lists.some((other) => other.part !== part && overlaps(part, other.part));
    const dates = exact ? await partDates(part) : {};
    const shared = direction > 0 ? part.oldest : part.newest;
    for (const result of results) keyed.push({ result, key: exact ? dates[result.id] ?? null : shared });
  }
  keyed.sort((a, b) => (a.key === null) - (b.key === null) || direction * (a.key - b.key) || 0);
  return keyed.map((item) => item.result);
}

function chosenFilters() {
  const chosen = {};
  for (const [key] of FILTERS) {
    const values = [...form.querySelectorAll(`input[name="${key}"]:checked`)].map((box) => box.value);
    if (values.length) chosen[key] = { any: values };
  }
  return chosen;
}

function filterGroup(key, label, counts, picked) {
  const names = Object.keys(counts).sort();
  if (key === "year") names.reverse();
  const group = document.createElement("fieldset");
  group.className = `search-filter search-filter-${key}`;
  const legend = document.createElement("legend");
  legend.textContent = label;
  group.append(legend);
  for (const name of names) {
    const option = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = key;
    box.value = name;
    box.checked = picked.includes(name);
    const count = document.createElement("span");
    count.className = "count";
    count.textContent = ` (${counts[name]})`;
    option.append(box, ` ${name}`, count);
    group.append(option);
  }
  return group;
}

function drawFilters(all, params) {
  for (const [key, label] of FILTERS) {
    const counts = all[key] || {};
    if (Object.keys(counts).length > 1 || params.getAll(key).length) {
      filtersBox.append(filterGroup(key, label, counts, params.getAll(key)));
    }
  }
  show(filtersBox, filtersBox.children.length > 0);
}

function rememberQuery() {
  const filled = [...new FormData(form)].filter(([, value]) => value);
  const query = new URLSearchParams(filled).toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function safeExcerpt(html) {
  // Only the text and Pagefind's <mark> highlights are kept; nothing in an excerpt runs or links.
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
  const out = document.createElement("p");
  out.className = "item-summary excerpt";
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(node.textContent);
    }
  }
  return out;
}

function resultItem(data) {
  const item = document.createElement("li");
  const language = (data.filters.language || [])[0];
  if (language && language !== document.documentElement.lang) item.lang = language;
  const heading = document.createElement("h2");
  heading.className = "item-title";
  const link = document.createElement("a");
  link.href = root + data.url.replace(/^\//, "");
  link.textContent = data.meta.title || "Untitled";
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = [data.meta.date || "Undated", data.meta.source].filter(Boolean).join(" · ");
  item.append(heading, meta, safeExcerpt(data.excerpt));
  return item;
}

async function showMore() {
  const next = found.slice(shown, shown + PER_PAGE);
  const ticket = asked;
  const loaded = await Promise.all(next.map((result) => result.data()));
  if (ticket !== asked) return;
  list.append(...loaded.map(resultItem));
  shown += next.length;
  show(more.parentElement, shown < found.length);
}

function describe(count, term) {
  const articles = count === 1 ? "1 article" : `${count} articles`;
  return term ? `${articles} found for “${term}”.` : `${articles} match the chosen filters.`;
}

async function runSearch() {
  const ticket = ++asked;
  const term = input.value.trim();
  const filters = chosenFilters();
  rememberQuery();
  list.replaceChildren();
  show(more.parentElement, false);
  if (!term && !Object.keys(filters).length) {
    show(statusLine, false);
    show(list, false);
    return;
  }
  const options = { filters };
  if (sort.value) options.sort = { date: sort.value };
  const results = await searchParts(term || null, options);
  if (ticket !== asked) return;
  found = results;
  shown = 0;
  await showMore();
  if (ticket !== asked) return;
  statusLine.textContent = found.length ? describe(found.length, term) : `No articles found for “${term}”.`;
  show(statusLine, true);
  show(list, found.length > 0);
}

function searchSoon() {
  clearTimeout(timer);
  timer = setTimeout(runSearch, WAIT_MS);
}

async function start() {
  show(document.getElementById("search-fallback"), false);
  index = await loadIndex();
  if (!index) {
    show(form, false);
    show(document.getElementById("search-unavailable"), true);
    document.body.dataset.search = "unavailable";
    return;
  }
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  sort.value = params.get("sort") || "";
  show(sort.parentElement, true);
  drawFilters(await allFilters(), params);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    runSearch();
  });
  input.addEventListener("input", searchSoon);
  form.addEventListener("change", (event) => event.target !== input && runSearch());
  more.addEventListener("click", showMore);
  await runSearch();
  document.body.dataset.search = "ready";
}

start();

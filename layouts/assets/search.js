// The search page: finds pages in our own index in /search-index/ (made by the
// build, wtfc_site/publish/search.py) and shows each result in easy read, with
// its picture, its title and one sentence.
// Without JavaScript, or opened straight from a disk, the A to Z list is the way in.
// A classic script (not a module), so it runs from a disk too and can say so.
(function () {
const FORMAT = 1; // the index's shape this script reads (search.py INDEX_FORMAT)
const SHOWN = 20;
const box = document.querySelector("[data-search]");
const base = box.dataset.baseUrl;
const folder = `${base}search-index/`;
const form = box.querySelector("form");
const input = box.querySelector("#search-words");
const versions = box.querySelector(".search-versions");
const status = box.querySelector(".search-status");
const list = box.querySelector(".search-results");

function say(words) {
  status.textContent = words;
}

// The same small stemmer as search_record.stem in Python: a word typed here must
// become the very term the build wrote for it.
function undouble(word) {
  const last = word[word.length - 1];
  if (word.length > 2 && last === word[word.length - 2] && !"aeioulsz".includes(last)) {
    return word.slice(0, -1);
  }
  return word;
}

function stem(word) {
  if (word.length > 4 && word.endsWith("ies")) {
    word = word.slice(0, -3) + "y";
  } else if (word.length > 4 && ["sses", "xes", "ches", "shes"].some((end) => word.endsWith(end))) {
    word = word.slice(0, -2);
  } else if (word.length > 3 && word.endsWith("s") && !["ss", "us", "is"].some((end) => word.endsWith(end))) {
    word = word.slice(0, -1);
  }
  if (word.length > 5 && word.endsWith("ing")) {
    word = undouble(word.slice(0, -3));
  } else if (word.length > 4 && word.endsWith("ed")) {
    word = undouble(word.slice(0, -2));
  } else if (word.length > 3 && word.endsWith("e")) {
    word = word.slice(0, -1);
  }
  return word;
}
box.stem = stem; // for the test that checks it gives what Python gives

function terms(text) {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).map(stem);
}

function shardFile(key) {
  const name = /^[a-z0-9]+$/.test(key)
    ? key : "x" + Array.from(key).map((c) => c.codePointAt(0).toString(16)).join("-");
  return `terms-${name}.json`;
}

const fetched = new Map();
function indexFile(name) {
  if (!fetched.has(name)) {
    fetched.set(name, fetch(folder + name).then((response) => {
      if (!response.ok) throw new Error(`${name}: ${response.status}`);
      return response.json();
    }));
  }
  return fetched.get(name);
}

// Page number -> score of the pages holding a term; the last word typed may be the
// start of a longer one ("pay" finds "payment"), and then its best term counts.
async function pagesWith(term, isPrefix, entry) {
  const letters = Array.from(term);
  const key = letters.slice(0, 2).join("");
  const keys = isPrefix && letters.length < 2
    ? entry.shards.filter((shard) => shard.startsWith(term))
    : entry.shards.filter((shard) => shard === key);
  const scores = new Map();
  for (const shard of await Promise.all(keys.map((k) => indexFile(shardFile(k))))) {
    for (const [found, postings] of Object.entries(shard)) {
      if (isPrefix ? !found.startsWith(term) : found !== term) continue;
      for (let i = 0; i < postings.length; i += 2) {
        scores.set(postings[i], Math.max(scores.get(postings[i]) || 0, postings[i + 1]));
      }
    }
  }
  return scores;
}

// Every word must be on a page; a page's words in its title count more (the build
// weighs them); the best first, then in the order of their addresses.
async function findPages(words, version, entry) {
  const wanted = terms(words);
  let total = null;
  for (const [at, term] of wanted.entries()) {
    const scores = await pagesWith(term, at === wanted.length - 1, entry);
    if (total === null) {
      total = scores;
    } else {
      for (const [page, score] of total) {
        if (scores.has(page)) total.set(page, score + scores.get(page));
        else total.delete(page);
      }
    }
  }
  const letter = { "easy read": "e", full: "f" }[version];
  return [...(total || new Map())]
    .filter(([page]) => !letter || entry.versions[page] === letter)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([page]) => page);
}

async function pageDetails(page, entry) {
  const chunk = await indexFile(`pages-${Math.floor(page / entry.chunk)}.json`);
  const [address, title, summary, picture] = chunk[page % entry.chunk];
  return { address, title, summary, picture, full: entry.versions[page] === "f" };
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "er-row";
  const pic = document.createElement("div");
  pic.className = "er-pic";
  if (data.picture) {
    const img = document.createElement("img");
    img.src = data.picture;
    img.alt = "";
    img.width = 96;
    img.height = 96;
    pic.append(img);
  }
  const text = document.createElement("div");
  text.className = "er-text";
  const title = document.createElement("p");
  title.className = "item-title";
  const link = document.createElement("a");
  link.href = base + data.address;
  link.textContent = data.title;
  title.append(link);
  if (data.full) {
    title.append(" (full version, not easy read)");
  }
  text.append(title);
  if (data.summary) {
    const sentence = document.createElement("p");
    sentence.textContent = data.summary;
    text.append(sentence);
  }
  item.append(pic, text);
  return item;
}

async function show(entry) {
  const words = input.value.trim();
  list.replaceChildren();
  if (!words) {
    say("");
    return;
  }
  const pages = await findPages(words, versions.querySelector("input:checked").value, entry);
  const shown = await Promise.all(pages.slice(0, SHOWN).map((page) => pageDetails(page, entry)));
  list.replaceChildren(...shown.map(resultItem));
  if (pages.length === 0) {
    say(`We did not find any pages with "${words}". Try another word, or look at the A to Z list.`);
  } else if (pages.length > SHOWN) {
    say(`We found ${pages.length} pages with "${words}". Here are the ${SHOWN} that match best.`);
  } else {
    say(`We found ${pages.length} ${pages.length === 1 ? "page" : "pages"} with "${words}".`);
  }
}

async function start() {
  const offServer = "Search works only when the website is on a web server. Use the A to Z list to find a page.";
  if (window.location.protocol === "file:") {
    say(offServer);
    return;
  }
  let entry;
  try {
    entry = await indexFile("entry.json");
    if (entry.format !== FORMAT) throw new Error(`index format ${entry.format}`);
  } catch (error) {
    say("Search is not working just now. Use the A to Z list to find a page.");
    return;
  }
  versions.hidden = false;
  const asked = new URLSearchParams(window.location.search);
  input.value = asked.get("q") || "";
  const version = versions.querySelector(`input[value="${CSS.escape(asked.get("version") || "")}"]`);
  if (version) version.checked = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams({ q: input.value.trim() });
    const chosen = versions.querySelector("input:checked").value;
    if (chosen) query.set("version", chosen);
    history.replaceState(null, "", `?${query}`);
    show(entry);
  });
  versions.addEventListener("change", () => show(entry));
  await show(entry);
  box.dataset.ready = "yes";
}

start();
})();

// The search page: finds pages in our own index in /search-index/ (made by the
// build, wtfc_site/publish/search.py) and shows each result in easy read, with
// its picture, its title and one sentence.
// Without JavaScript, or opened straight from a disk, the A to Z list is the way in.
// A classic script (not a module), so it runs from a disk too and can say so.
(function () {
const FORMAT = 2; // the index's shape and terms this script reads (search.py INDEX_FORMAT)
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
// become the very term the build wrote for it. Lengths count letters, not UTF-16 units, as Python does.
function size(word) {
  return Array.from(word).length;
}

function shape(word) {
  let found = "";
  for (const letter of word) {
    const vowel = "aeiou".includes(letter) || (letter === "y" && found.endsWith("c"));
    found += vowel ? "v" : "c";
  }
  return found;
}

function hasVowel(word) {
  return shape(word).includes("v");
}

function isShort(word, wordShape) {
  if (wordShape.split("vc").length - 1 !== 1) return false;
  return wordShape === "vc" || (wordShape.endsWith("cvc") && !"wxy".includes(word[word.length - 1]));
}

function restore(word) {
  const last = word[word.length - 1];
  if (size(word) > 2 && last === word[word.length - 2] && !"aeioulsz".includes(last)) {
    return word.slice(0, -1);
  }
  return isShort(word, shape(word)) ? word + "e" : word;
}

function withoutFinalE(word) {
  const base = word.slice(0, -1);
  const baseShape = shape(base);
  if (!baseShape.includes("vc") || isShort(base, baseShape)) return word;
  return base;
}

function stem(word) {
  const letters = Array.from(word);
  if (letters.length <= 3) {
    if (letters.length === 3 && letters[2] === "s" && !letters.slice(0, 2).some((l) => "aeiouy".includes(l))) {
      return letters.slice(0, 2).join("");
    }
    return word;
  }
  let last = word[word.length - 1];
  if (!"sdge".includes(last)) return word;
  if (last === "s") {
    if (letters.length > 4 && word.endsWith("ies")) {
      word = word.slice(0, -3) + "y";
    } else if (letters.length > 4 && ["sses", "xes", "ches", "shes"].some((end) => word.endsWith(end))) {
      word = word.slice(0, -2);
    } else if (!["ss", "us", "is"].some((end) => word.endsWith(end))) {
      word = word.slice(0, -1);
    }
    last = word[word.length - 1];
  }
  if (last === "g") {
    if (size(word) > 4 && word.endsWith("ing") && hasVowel(word.slice(0, -3))) {
      word = restore(word.slice(0, -3));
    }
  } else if (last === "d" && word[word.length - 2] === "e" && word[word.length - 3] !== "e") {
    if (word[word.length - 3] === "i") {
      word = size(word) > 4 ? word.slice(0, -3) + "y" : word.slice(0, -1);
    } else if (hasVowel(word.slice(0, -2))) {
      word = restore(word.slice(0, -2));
    }
  }
  if (word.endsWith("eed") && hasVowel(word.slice(0, -3))) word = word.slice(0, -1);
  if (word.endsWith("e")) word = withoutFinalE(word);
  return word;
}

// Lower-case words, an apostrophe inside a word taken out ("people's" is "peoples"),
// as search_record.words does.
function words(text) {
  const joined = text.replace(/(?<=[\p{L}\p{N}])['\u2019](?=[\p{L}\p{N}])/gu, "");
  return joined.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
}
box.stem = stem; // for the test that checks they give what Python gives
box.terms = (text) => words(text).map(stem);

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

function shardKey(term) {
  return Array.from(term).slice(0, 2).join(""); // search.py shard_key
}

// Page number -> { score, exact } for the pages holding a word typed. The last word may
// also be the start of a longer one ("pay" finds "payment"): a term starting with the
// word as typed (not its stem, or "care" would find "car") counts, but a page with the
// word itself is "exact" and comes first. A one-letter word is only itself: as a start
// it would fetch every shard of its letter.
async function pagesWith(word, isLast, entry) {
  const term = stem(word);
  const start = isLast && size(word) >= 2 ? word : null;
  const keys = new Set([shardKey(term)]);
  if (start) keys.add(shardKey(start));
  const files = entry.shards.filter((shard) => keys.has(shard)).map((key) => indexFile(shardFile(key)));
  const found = new Map();
  for (const shard of await Promise.all(files)) {
    for (const [held, postings] of Object.entries(shard)) {
      const exact = held === term;
      if (!exact && !(start && held.startsWith(start))) continue;
      for (let i = 0; i < postings.length; i += 2) {
        const before = found.get(postings[i]) || { score: 0, exact: false };
        found.set(postings[i], { score: Math.max(before.score, postings[i + 1]), exact: before.exact || exact });
      }
    }
  }
  return found;
}

// Every word must be on a page; pages with every word itself come before pages
// found by the start of the last word, then the best first (the build weighs a
// page's words in its title more), then in the order of their addresses.
async function findPages(text, version, entry) {
  const typed = words(text);
  let total = null;
  for (const [at, word] of typed.entries()) {
    const found = await pagesWith(word, at === typed.length - 1, entry);
    if (total === null) {
      total = found;
    } else {
      for (const [page, hit] of total) {
        const also = found.get(page);
        if (also) total.set(page, { score: hit.score + also.score, exact: hit.exact && also.exact });
        else total.delete(page);
      }
    }
  }
  const letter = { "easy read": "e", full: "f" }[version];
  return [...(total || new Map())]
    .filter(([page]) => !letter || entry.versions[page] === letter)
    .sort(([pageA, a], [pageB, b]) => Number(b.exact) - Number(a.exact) || b.score - a.score || pageA - pageB)
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

// Each search has a number; one that finishes after a newer one started shows
// nothing, or a slow first search would put its results over the newer ones.
let latest = 0;

async function show(entry) {
  const asked = ++latest;
  const typed = input.value.trim();
  list.replaceChildren();
  if (!typed) {
    say("");
    return;
  }
  const pages = await findPages(typed, versions.querySelector("input:checked").value, entry);
  if (asked !== latest) return;
  const shown = await Promise.all(pages.slice(0, SHOWN).map((page) => pageDetails(page, entry)));
  if (asked !== latest) return;
  list.replaceChildren(...shown.map(resultItem));
  if (pages.length === 0) {
    say(`We did not find any pages with "${typed}". Try another word, or look at the A to Z list.`);
  } else if (pages.length > SHOWN) {
    say(`We found ${pages.length} pages with "${typed}". Here are the ${SHOWN} that match best.`);
  } else {
    say(`We found ${pages.length} ${pages.length === 1 ? "page" : "pages"} with "${typed}".`);
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

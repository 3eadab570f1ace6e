// The search page: finds pages with the Pagefind index in /pagefind/ and shows
// each result in easy read, with its picture, its title and one sentence.
// Without JavaScript, or opened straight from a disk, the A to Z list is the way in.
// A classic script (not a module), so it runs from a disk too and can say so.
(function () {
const box = document.querySelector("[data-search]");
const base = box.dataset.baseUrl;
const form = box.querySelector("form");
const input = box.querySelector("#search-words");
const versions = box.querySelector(".search-versions");
const status = box.querySelector(".search-status");
const list = box.querySelector(".search-results");

function say(words) {
  status.textContent = words;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "er-row";
  const pic = document.createElement("div");
  pic.className = "er-pic";
  if (data.meta.image) {
    const img = document.createElement("img");
    img.src = data.meta.image;
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
  link.href = data.url;
  link.textContent = data.meta.title;
  title.append(link);
  if (data.filters.version && data.filters.version.includes("full")) {
    title.append(" (full version, not easy read)");
  }
  text.append(title);
  const sentence = document.createElement("p");
  // The page's own one-sentence summary reads better than a cut-off excerpt.
  sentence.textContent = data.meta.summary || data.excerpt.replace(/<[^>]*>/g, "");
  text.append(sentence);
  item.append(pic, text);
  return item;
}

async function show(pagefind) {
  const words = input.value.trim();
  list.replaceChildren();
  if (!words) {
    say("");
    return;
  }
  const chosen = versions.querySelector("input:checked").value;
  const options = chosen ? { filters: { version: chosen } } : {};
  const found = await pagefind.search(words, options);
  const results = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  list.replaceChildren(...results.map(resultItem));
  if (results.length === 0) {
    say(`We did not find any pages with "${words}". Try another word, or look at the A to Z list.`);
  } else {
    say(`We found ${found.results.length} ${found.results.length === 1 ? "page" : "pages"} with "${words}".`);
  }
}

async function start() {
  let pagefind;
  try {
    pagefind = await import(`${base}pagefind/pagefind.js`);
    await pagefind.options({ baseUrl: base });
  } catch (error) {
    say("Search works only when the website is on a web server. Use the A to Z list to find a page.");
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
    show(pagefind);
  });
  versions.addEventListener("change", () => show(pagefind));
  await show(pagefind);
  box.dataset.ready = "yes";
}

start();
})();

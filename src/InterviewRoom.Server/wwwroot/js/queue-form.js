// The queue page's form: name, starting role, level, kinds and topics (the bank's own, from
// GET /api/questions/facets), read into the JoinQueue request. Nothing ticked means "any".
import { api, el, announce } from "./common.js";
import { kindLabels, setText, store } from "./candidate-interviewer-shared.js";

const MAX_TOPICS = 12;
const nameKey = "interviewroom.queue.name";
const count = facet => (Number.isInteger(facet.questions) ? ` (${facet.questions})` : "");

/** onSubmit(request) runs with a valid request; submit() does the same from elsewhere (the "Try again" button). */
export function createQueueForm(onSubmit) {
  const $ = id => document.getElementById(id);
  const form = $("queue-form");
  const nameInput = $("queue-name");
  const kindsBox = $("queue-kinds");
  const topicsBox = $("queue-topic-list");

  const remembered = store.get(nameKey, "");
  if (typeof remembered === "string") nameInput.value = remembered;
  renderKinds(Object.keys(kindLabels).map(name => ({ name })));
  loadFacets();

  form.addEventListener("submit", event => {
    event.preventDefault();
    submit();
  });
  topicsBox.addEventListener("change", event => {
    if (event.target.checked && ticked(topicsBox).length > MAX_TOPICS) {
      event.target.checked = false;
      announce(`Pick at most ${MAX_TOPICS} topics.`, "error");
    }
    summarizeTopics();
  });

  async function loadFacets() {
    try {
      const facets = await api("/api/questions/facets");
      if (facets.kinds?.length) renderKinds(facets.kinds);
      renderTopics(facets.topics ?? []);
    } catch (error) {
      topicsBox.replaceChildren(el("p", {
        className: "muted",
        text: `Could not load the topics (${error.message}). You can still look for a partner on any topic.`,
      }));
    }
  }

  function checkbox(id, value, label, testId, wasTicked) {
    return el("div", { className: "check" }, [
      el("input", { attrs: { type: "checkbox", id, value, "data-testid": testId, checked: wasTicked } }),
      el("label", { text: label, attrs: { for: id } }),
    ]);
  }

  function renderKinds(kinds) {
    const before = new Set(ticked(kindsBox));
    kindsBox.replaceChildren(...kinds.map(kind => checkbox(`queue-kind-${kind.name}`, kind.name,
      `${kindLabels[kind.name] ?? kind.name}${count(kind)}`, `queue-kind-${kind.name}`, before.has(kind.name))));
  }

  function renderTopics(topics) {
    if (!topics.length) {
      topicsBox.replaceChildren(el("p", { className: "muted", text: "The bank has no topics yet: any topic it is." }));
      return;
    }
    topicsBox.replaceChildren(...topics.map((topic, index) =>
      checkbox(`queue-topic-${index}`, topic.name, `${topic.name}${count(topic)}`, "queue-topic", false)));
    summarizeTopics();
  }

  function ticked(box) {
    return [...box.querySelectorAll("input[type=checkbox]:checked")].map(input => input.value);
  }

  function summarizeTopics() {
    const chosen = ticked(topicsBox);
    setText($("topics-summary"), chosen.length === 0 ? "(any topic)"
      : chosen.length <= 3 ? `(${chosen.join(", ")})` : `(${chosen.length} chosen)`);
  }

  function submit() {
    const name = nameInput.value.trim();
    if (!name) {
      announce("Enter your name: your partner sees it.", "error");
      nameInput.setAttribute("aria-invalid", "true");
      nameInput.focus();
      return;
    }
    nameInput.removeAttribute("aria-invalid");
    store.set(nameKey, name);
    onSubmit({
      name,
      topics: ticked(topicsBox),
      kinds: ticked(kindsBox),
      preferredRole: form.querySelector("input[name=role]:checked")?.value ?? "either",
      level: $("queue-level").value || null,
    });
  }

  return { submit };
}

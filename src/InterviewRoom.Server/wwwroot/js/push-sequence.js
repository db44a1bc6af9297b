// The room's push numbers (docs/protocol.md section 6, "What a client does"; ADR 18): every push to the whole room
// carries `seq`, one more than the one before it. The page remembers the number of the last GetState and the pushes
// since; a push that skips a number means some never arrived (a backplane outage loses them), so the page reads the
// whole state again. One read at a time: pushes that arrive during a read are noted, and a hole the read's number
// does not cover asks for one more read.

/**
 * @param {() => Promise<void>} resync reads the state again (through `read` below) and draws it.
 */
export function createPushSequence(resync) {
  let known = null; // unknown until the first GetState answers: until then pushes are only noted
  let reading = false;
  const noted = new Set();

  function gap() {
    // Counted on the page's root for whoever watches the page (the browser tests): how often pushes were missed.
    document.documentElement.dataset.pushesMissed = String(Number(document.documentElement.dataset.pushesMissed ?? 0) + 1);
    resync();
  }

  return {
    /** A push to the whole room arrived: "next", "stale" (already in the state), "gap" (a read starts) or "noted". */
    observe(seq) {
      if (typeof seq !== "number") return "next"; // a server that does not number its pushes
      if (reading || known === null) {
        noted.add(seq);
        return "noted";
      }
      if (seq <= known) return "stale";
      const order = seq === known + 1 ? "next" : "gap";
      known = seq;
      if (order === "gap") gap();
      return order;
    },

    /** A push to this seat alone (ScoreSaved) carries the room's latest number and takes none: past ours, we missed one. */
    checkBehind(seq) {
      if (typeof seq === "number" && !reading && known !== null && seq > known) gap();
    },

    /** Runs a GetState (`getState` returns the state) and takes its number; reads once more when a hole is left. */
    async read(getState) {
      reading = true;
      noted.clear();
      let state;
      try {
        state = await getState();
      } finally {
        reading = false;
      }
      const seq = typeof state?.seq === "number" ? state.seq : 0;
      known = Math.max(known ?? 0, seq);
      while (noted.delete(known + 1)) known++;
      const holeLeft = [...noted].some(n => n > known);
      noted.clear();
      if (holeLeft) queueMicrotask(gap);
      return state;
    },
  };
}

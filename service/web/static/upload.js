// Upload page: drop or choose several files; each is posted on its own to the JSON API
// (POST /api/reports) with an upload progress bar and its result (new, duplicate, copy: new
// but with the same words as an earlier report, failed).
// Text from the server or from file names is only ever set with textContent.
"use strict";

(function () {
  const form = document.getElementById("upload");
  if (!form) return;
  const input = document.getElementById("files");
  const drop = document.getElementById("drop");
  const list = document.getElementById("upload-results");
  const keyInput = document.getElementById("api-key");
  const collection = document.getElementById("collection");
  const say = form.dataset;
  const queue = [];
  let busy = false;

  if (keyInput) {
    // Kept for this tab only: never in a cookie, so no other site can make us send it.
    keyInput.value = sessionStorage.getItem("arsip-key") || "";
    keyInput.addEventListener("input", () => sessionStorage.setItem("arsip-key", keyInput.value));
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function add(files) {
    for (const file of files) {
      const item = el("li", "upload-item waiting");
      const name = el("span", "name", file.name);
      const bar = el("progress");
      bar.max = 100;
      bar.value = 0;
      const state = el("span", "state", say.tWaiting);
      item.append(name, bar, state);
      list.append(item);
      queue.push({ file, item, bar, state });
    }
    next();
  }

  function finish(job, kind, message, report) {
    job.item.className = "upload-item " + kind;
    job.item.dataset.result = kind;
    job.bar.value = 100;
    job.state.textContent = say["t" + kind[0].toUpperCase() + kind.slice(1)];
    if (report && report.id) {
      const link = el("a", "open", say.tOpen);
      link.href = say.recordUrl.replace(/0$/, String(report.id));
      job.item.append(link);
    }
    if (message) job.item.append(el("span", "reason", message));
    busy = false;
    next();
  }

  function next() {
    if (busy || !queue.length) return;
    busy = true;
    const job = queue.shift();
    const body = new FormData();
    body.append("file", job.file, job.file.name);
    if (collection && collection.value.trim()) body.append("collection", collection.value.trim());
    const xhr = new XMLHttpRequest();
    xhr.open("POST", say.endpoint);
    xhr.setRequestHeader("Accept", "application/json");
    if (keyInput && keyInput.value.trim()) {
      xhr.setRequestHeader("Authorization", "Bearer " + keyInput.value.trim());
    }
    job.item.className = "upload-item uploading";
    job.state.textContent = say.tUploading;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) job.bar.value = Math.round((event.loaded / event.total) * 95);
    };
    xhr.upload.onload = () => {
      job.bar.value = 95;
      job.state.textContent = say.tReading;
    };
    xhr.onerror = () => finish(job, "failed", say.tNetwork);
    xhr.onload = () => {
      let answer = {};
      try {
        answer = JSON.parse(xhr.responseText);
      } catch (e) {
        answer = { ok: false, error: "HTTP " + xhr.status };
      }
      const copyOf = answer.report && answer.report.same_text_as;
      if (answer.ok && answer.duplicate) finish(job, "duplicate", "", answer.report);
      else if (answer.ok && copyOf) finish(job, "copy", say.tCopyOf + " #" + copyOf, answer.report);
      else if (answer.ok) finish(job, "new", "", answer.report);
      else finish(job, "failed", answer.error || "HTTP " + xhr.status, answer.report);
    };
    xhr.send(body);
  }

  input.addEventListener("change", () => {
    add(Array.from(input.files));
    input.value = "";
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  ["dragenter", "dragover"].forEach((type) =>
    drop.addEventListener(type, (event) => {
      event.preventDefault();
      drop.classList.add("over");
    })
  );
  ["dragleave", "drop"].forEach((type) =>
    drop.addEventListener(type, (event) => {
      event.preventDefault();
      drop.classList.remove("over");
    })
  );
  drop.addEventListener("drop", (event) => add(Array.from(event.dataTransfer.files)));
})();

// Hot topics page: fetches /api/v1/kb/hot and redraws every 10 seconds.
const form = document.getElementById("hot-filter");
const summary = document.getElementById("hot-summary");
const rising = document.getElementById("rising");
const chartCanvas = document.getElementById("hot-chart");
const chartEmpty = document.getElementById("hot-chart-empty");
const chartBox = document.getElementById("hot-chart-box");
let chart = null;

async function refresh() {
  const params = new URLSearchParams(new FormData(form));
  if (!params.get("audience")) params.delete("audience");
  const res = await fetch(`/api/v1/kb/hot?${params}`, { headers: { Accept: "application/json" } });
  if (!res.ok) { summary.textContent = "加载失败，稍后自动重试"; return; }
  const data = await res.json();
  const rate = data.total_questions ? Math.round((data.answered / data.total_questions) * 100) : 0;
  summary.textContent = `共 ${data.total_questions} 个提问，机器人直接回答 ${data.answered} 个（${rate}%）`;
  const labels = data.entries.map((e) => e.question.length > 18 ? e.question.slice(0, 18) + "…" : e.question);
  const counts = data.entries.map((e) => e.count);
  chartEmpty.hidden = counts.length > 0;
  // (on the canvas itself Chart.js's inline display style would win over the hidden attribute)
  chartBox.hidden = counts.length === 0;
  if (window.Chart) {
    if (!chart) {
      chart = new window.Chart(chartCanvas, {
        type: "bar",
        data: { labels, datasets: [{ label: "提问次数", data: counts, backgroundColor: "#0a5bd8", maxBarThickness: 28 }] },
        options: {
          indexAxis: "y",
          animation: false,
          plugins: { legend: { display: false } },
          // counts of questions: whole numbers on the axis, never 0.2 or 1.4
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      });
    } else {
      chart.data.labels = labels;
      chart.data.datasets[0].data = counts;
      chart.update();
    }
  }
  rising.replaceChildren(...data.rising_unanswered.map((g) => {
    const tr = document.createElement("tr");
    tr.className = "rising-row";
    for (const value of [g.representative, g.count, g.previous]) {
      const td = document.createElement("td");
      td.textContent = String(value);
      tr.appendChild(td);
    }
    return tr;
  }));
  if (!data.rising_unanswered.length) {
    const tr = document.createElement("tr");
    tr.innerHTML = '<td colspan="3" class="muted">暂无</td>';
    rising.appendChild(tr);
  }
}

form.addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
window.addEventListener("load", refresh);
setInterval(refresh, 10000);

'use strict';

// The dashboards' one script. A page's charts are <section class="chart" data-chart="name" data-kind="…">: each loads
// /dashboards/data/<name> with the page's filters (kept in the URL, so a view is shared by its link) and the key the
// user signed in with (kept for the browser tab only), then draws the table it answers and lists it below the chart.
// The script runs from the page's head, before ECharts: it asks for the data of the charts the page names
// (<meta name="charts">) at once, and draws them once the page (and ECharts, deferred) is ready.

const keyStorage = 'omnipos.key';
const filterNames = ['from', 'through', 'store', 'channel', 'category', 'variant'];

function signedInKey() {
  return sessionStorage.getItem(keyStorage);
}

function showSignIn(problem) {
  sessionStorage.removeItem(keyStorage);
  document.querySelector('main').hidden = true;
  document.getElementById('sign-out').hidden = true;
  document.getElementById('sign-in').hidden = false;
  document.getElementById('sign-in-problem').textContent = problem ?? '';
}

function dataUrl(chart, format) {
  const params = new URLSearchParams(location.search);
  if (format) {
    params.set('format', format);
  }
  return `/dashboards/data/${chart}?${params}`;
}

class KeyRefused extends Error {}

async function fetchData(chart, format) {
  const response = await fetch(dataUrl(chart, format), { headers: { Authorization: `Bearer ${signedInKey()}` } });
  if (response.status === 401) {
    throw new KeyRefused('That key was not accepted: sign in with a key that is not revoked.');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ detail: response.statusText }));
    throw new Error(problem.detail ?? problem.title);
  }
  return format ? response.blob() : response.json();
}

function column(table, name) {
  return table.columns.indexOf(name);
}

function heatmapOption(section, table) {
  const [x, y, value] = [column(table, section.dataset.x), column(table, section.dataset.y), column(table, section.dataset.value)];
  const xs = [...new Set(table.rows.map(row => row[x]))].sort();
  const ys = [...new Set(table.rows.map(row => row[y]))].sort();
  const values = table.rows.map(row => row[value]).filter(v => v !== null);
  return {
    animation: false,
    tooltip: { position: 'top' },
    grid: { left: 140, right: 20, top: 10, bottom: 80 },
    xAxis: { type: 'category', data: xs, splitArea: { show: true } },
    yAxis: { type: 'category', data: ys, splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(100, ...values), calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
    series: [{
      name: section.dataset.value,
      type: 'heatmap',
      data: table.rows.map(row => [xs.indexOf(row[x]), ys.indexOf(row[y]), row[value] ?? '-']),
      label: { show: xs.length <= 16 },
    }],
  };
}

const chartOptions = { heatmap: heatmapOption };

function escaped(value) {
  return String(value ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function fillTable(element, table) {
  const head = `<thead><tr>${table.columns.map(c => `<th>${escaped(c)}</th>`).join('')}</tr></thead>`;
  const cell = value => `<td>${escaped(value)}</td>`;
  const body = table.rows.map(row => `<tr>${row.map(cell).join('')}</tr>`).join('');
  element.innerHTML = `${head}<tbody>${body}</tbody>`;
}

// The moment the page first shows a chart, on the page's own clock (from the request for it): `make bench` reads it.
function markFirstChart() {
  if (performance.getEntriesByName('first-chart-drawn').length === 0) {
    performance.mark('first-chart-drawn');
  }
}

function newChart(canvas) {
  const chart = echarts.init(canvas);
  chart.on('rendered', markFirstChart);
  return chart;
}

async function drawChart(section) {
  const problem = section.querySelector('.problem');
  section.dataset.state = 'loading';
  problem.textContent = '';
  try {
    const table = await (asked.get(section.dataset.chart) ?? fetchData(section.dataset.chart));
    asked.delete(section.dataset.chart);
    const canvas = section.querySelector('.canvas');
    const chart = echarts.getInstanceByDom(canvas) ?? newChart(canvas);
    chart.setOption(chartOptions[section.dataset.kind](section, table), { notMerge: true });
    fillTable(section.querySelector('table'), table);
    section.dataset.rows = String(table.rows.length);
    section.dataset.state = 'drawn';
  } catch (error) {
    asked.delete(section.dataset.chart);
    if (error instanceof KeyRefused) {
      showSignIn(error.message);
    }
    problem.textContent = error.message;
    section.dataset.state = 'failed';
  }
}

async function download(section, format) {
  let blob;
  try {
    blob = await fetchData(section.dataset.chart, format);
  } catch (error) {
    section.querySelector('.problem').textContent = error.message;
    return;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${section.dataset.chart}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the file after this handler returns; the URL is let go once it surely has.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

function showFilters() {
  const params = new URLSearchParams(location.search);
  const form = document.getElementById('filters');
  for (const name of filterNames) {
    if (form.elements[name]) {
      form.elements[name].value = params.get(name) ?? (name === 'variant' ? 'period' : '');
    }
  }
}

function applyFilters(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  const params = new URLSearchParams();
  for (const name of filterNames) {
    const value = (form.get(name) ?? '').toString().trim();
    if (value && !(name === 'variant' && value === 'period')) {
      params.set(name, value);
    }
  }
  history.pushState(null, '', `${location.pathname}?${params}`);
  drawAll();
}

function drawAll() {
  showFilters();
  return Promise.all([...document.querySelectorAll('.chart')].map(drawChart));
}

function start() {
  if (!signedInKey()) {
    showSignIn();
    return;
  }
  document.getElementById('sign-in').hidden = true;
  document.getElementById('sign-out').hidden = false;
  document.querySelector('main').hidden = false;
  drawAll();
}

// The charts' data, asked for from the head as the page loads (a chart takes its promise once, and asks again after).
const asked = new Map(signedInKey()
  ? document.querySelector('meta[name=charts]').content.split(/\s+/).filter(Boolean).map(chart => [chart, fetchData(chart)])
  : []);
for (const pending of asked.values()) {
  pending.catch(() => {});
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('sign-in').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(keyStorage, document.getElementById('key').value.trim());
    start();
  });
  document.getElementById('sign-out').addEventListener('click', () => showSignIn());
  document.getElementById('filters').addEventListener('submit', applyFilters);
  window.addEventListener('popstate', drawAll);
  for (const button of document.querySelectorAll('[data-download]')) {
    button.addEventListener('click', () => download(button.closest('.chart'), button.dataset.download));
  }
  start();
});

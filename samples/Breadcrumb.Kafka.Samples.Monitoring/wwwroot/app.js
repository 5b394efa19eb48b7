// Sample B's page: every snapshot from /events updates the figures, the tables and three Chart.js charts.
(function () {
  'use strict';
  const keep = 120;
  const line = (id, title) => new Chart(document.getElementById(id), {
    type: 'line',
    data: { labels: [], datasets: [] },
    options: { animation: false, plugins: { title: { display: true, text: title } }, scales: { y: { beginAtZero: true } } }
  });
  const rates = line('rate-chart', 'Records per second');
  rates.data.datasets = [{ label: 'in', data: [] }, { label: 'out (groups)', data: [] }];
  const lags = line('lag-chart', 'Consumer lag per group');
  const partitions = new Chart(document.getElementById('partition-chart'), {
    type: 'bar',
    data: { labels: [], datasets: [{ label: 'records stored', data: [] }, { label: 'high watermark', data: [] }] },
    options: { animation: false, plugins: { title: { display: true, text: 'Offsets per partition' } }, scales: { y: { beginAtZero: true } } }
  });

  const text = (id, value) => { document.getElementById(id).textContent = value; };
  const cell = (value) => { const td = document.createElement('td'); td.textContent = value; return td; };
  const bytes = (value) => value === null || value === undefined ? 'not reported' : String(value);

  function push(chart, label, values) {
    chart.data.labels.push(label);
    values.forEach((v, i) => chart.data.datasets[i].data.push(v));
    if (chart.data.labels.length > keep) {
      chart.data.labels.shift();
      chart.data.datasets.forEach(d => d.data.shift());
    }
  }

  function render(s) {
    const label = new Date(s.time).toLocaleTimeString();
    text('topic', s.topic);
    text('updated', label);
    text('total-in', s.recordsIn);
    text('stored', s.stored);
    text('in-rate', s.inPerSecond.toFixed(1));
    text('out-rate', s.outPerSecond.toFixed(1));
    text('bytes', bytes(s.bytesStored));
    text('bytes-note', s.bytesNote || '');

    const rows = document.querySelector('#partitions tbody');
    rows.replaceChildren(...s.partitions.map(p => {
      const tr = document.createElement('tr');
      tr.dataset.partition = p.partition;
      tr.append(cell(p.partition), cell(p.low), cell(p.high), cell(p.records), cell(bytes(p.bytes)));
      tr.children[3].className = 'records';
      return tr;
    }));
    const groups = document.querySelector('#groups tbody');
    groups.replaceChildren(...s.groups.map(g => {
      const tr = document.createElement('tr');
      tr.dataset.group = g.group;
      tr.append(cell(g.group), cell(g.committed), cell(g.lag));
      return tr;
    }));

    partitions.data.labels = s.partitions.map(p => 'p' + p.partition);
    partitions.data.datasets[0].data = s.partitions.map(p => p.records);
    partitions.data.datasets[1].data = s.partitions.map(p => p.high);
    partitions.update();

    push(rates, label, [s.inPerSecond, s.outPerSecond]);
    rates.update();
    s.groups.forEach(g => {
      if (!lags.data.datasets.some(d => d.label === g.group)) {
        lags.data.datasets.push({ label: g.group, data: lags.data.labels.map(() => null) });
      }
    });
    push(lags, label, lags.data.datasets.map(d => (s.groups.find(g => g.group === d.label) || {}).lag ?? null));
    lags.update();
    document.body.dataset.snapshots = String(Number(document.body.dataset.snapshots || 0) + 1);
  }

  new EventSource('/events').onmessage = (e) => render(JSON.parse(e.data));
})();

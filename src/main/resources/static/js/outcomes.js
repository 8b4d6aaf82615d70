// The Outcomes page's trajectory (no inline scripts: the CSP forbids them). Data attributes on the canvas:
// data-series="2026-01-05,6.5;2026-01-06,7.1" (date,value), data-therapies="Physical therapy|2026-03-01|2026-06-29;..."
// (name|first day|last day, empty last day: still given), data-band="4.5,8.5" (baseline -/+ the meaningful change),
// data-baseline, data-min, data-max, data-label, data-procedures="2026-04-02|P1;..." (date|marker: a vertical line),
// data-procedure-scores="2026-04-02,7;..." (date,NRS: diamonds, not joined), data-goals="4.0|G1;..." (target|name: a
// dotted line). The same data are in the table and the lists beneath the chart.
(function () {
  const COLOURS = ['rgba(31,111,139,', 'rgba(154,91,0,', 'rgba(30,107,58,', 'rgba(110,60,140,', 'rgba(164,38,44,'];

  function firstIndexOnOrAfter(dates, day) {
    for (let i = 0; i < dates.length; i++) if (dates[i] >= day) return i;
    return dates.length - 1;
  }

  function lastIndexOnOrBefore(dates, day) {
    for (let i = dates.length - 1; i >= 0; i--) if (dates[i] <= day) return i;
    return 0;
  }

  const overlay = {
    id: 'outcomesOverlay',
    beforeDatasetsDraw(chart, args, o) {
      const {ctx, chartArea, scales} = chart;
      if (!chartArea) return;
      ctx.save();
      if (o.band) {
        const top = scales.y.getPixelForValue(Math.min(o.band[1], scales.y.max));
        const bottom = scales.y.getPixelForValue(Math.max(o.band[0], scales.y.min));
        ctx.fillStyle = 'rgba(29,39,51,.08)';
        ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
      }
      if (o.baseline !== null) {
        const y = scales.y.getPixelForValue(o.baseline);
        ctx.setLineDash([5, 4]);
        ctx.strokeStyle = 'rgba(29,39,51,.6)';
        ctx.beginPath(); ctx.moveTo(chartArea.left, y); ctx.lineTo(chartArea.right, y); ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.font = '11px system-ui';
      (o.goals || []).forEach(g => {
        if (g.value < scales.y.min || g.value > scales.y.max) return;
        const y = scales.y.getPixelForValue(g.value);
        ctx.setLineDash([2, 3]);
        ctx.strokeStyle = 'rgba(30,107,58,.9)';
        ctx.lineWidth = 1.5;
        ctx.beginPath(); ctx.moveTo(chartArea.left, y); ctx.lineTo(chartArea.right, y); ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = 'rgba(30,107,58,1)';
        ctx.fillText(g.name, chartArea.right - 22, y - 3);
      });
      (o.procedures || []).forEach(p => {
        if (o.dates.length === 0 || p.date < o.dates[0] || p.date > o.dates[o.dates.length - 1]) return;
        const x = scales.x.getPixelForValue(firstIndexOnOrAfter(o.dates, p.date));
        ctx.strokeStyle = 'rgba(164,38,44,.85)';
        ctx.lineWidth = 1.5;
        ctx.beginPath(); ctx.moveTo(x, chartArea.top + 12); ctx.lineTo(x, chartArea.bottom); ctx.stroke();
        ctx.fillStyle = 'rgba(164,38,44,1)';
        ctx.fillText(p.name, x + 2, chartArea.top + 10);
      });
      ctx.lineWidth = 1;
      const rowHeight = 14;
      o.therapies.forEach((t, i) => {
        const from = firstIndexOnOrAfter(o.dates, t.start);
        const to = t.end ? lastIndexOnOrBefore(o.dates, t.end) : o.dates.length - 1;
        if (o.dates.length === 0 || (t.end && t.end < o.dates[0]) || t.start > o.dates[o.dates.length - 1]) return;
        const x0 = scales.x.getPixelForValue(from);
        const x1 = scales.x.getPixelForValue(to);
        const colour = COLOURS[i % COLOURS.length];
        ctx.fillStyle = colour + '.07)';
        ctx.fillRect(x0, chartArea.top, Math.max(2, x1 - x0), chartArea.bottom - chartArea.top);
        // the therapy timeline: one row per therapy beneath the date axis (space kept by the layout's padding)
        const y = scales.x.bottom + 2 + rowHeight * i;
        ctx.fillStyle = colour + '.75)';
        ctx.fillRect(x0, y + 1, Math.max(2, x1 - x0), rowHeight - 2);
        ctx.fillStyle = '#fff';
        ctx.font = '11px system-ui';
        ctx.save();
        ctx.beginPath(); ctx.rect(x0, y, Math.max(2, x1 - x0), rowHeight); ctx.clip();
        ctx.fillText(t.name, x0 + 3, y + rowHeight - 3);
        ctx.restore();
      });
      ctx.restore();
    }
  };

  function draw(canvas) {
    if (canvas.dataset.drawn || typeof Chart === 'undefined') return;
    canvas.dataset.drawn = '1';
    const points = (canvas.dataset.series || '').split(';').filter(Boolean).map(p => {
      const [x, y] = p.split(',');
      return {x: x, y: Number(y)};
    });
    const therapies = (canvas.dataset.therapies || '').split(';').filter(Boolean).map(t => {
      const [name, start, end] = t.split('|');
      return {name: name, start: start, end: end || null};
    });
    const band = (canvas.dataset.band || '').split(',').filter(Boolean).map(Number);
    const baseline = canvas.dataset.baseline === '' || canvas.dataset.baseline === undefined
      ? null : Number(canvas.dataset.baseline);
    const dates = points.map(p => p.x);
    const procedures = (canvas.dataset.procedures || '').split(';').filter(Boolean).map(p => {
      const [date, name] = p.split('|');
      return {date: date, name: name};
    });
    const goals = (canvas.dataset.goals || '').split(';').filter(Boolean).map(g => {
      const [value, name] = g.split('|');
      return {value: Number(value), name: name};
    });
    // scores at procedures, placed on the nearest diary day (the x axis is the diary's days)
    const scores = (canvas.dataset.procedureScores || '').split(';').filter(Boolean).map(p => {
      const [x, y] = p.split(',');
      return {x: x, y: Number(y)};
    }).filter(p => dates.length && p.x >= dates[0] && p.x <= dates[dates.length - 1])
      .map(p => ({x: dates[firstIndexOnOrAfter(dates, p.x)], y: p.y}));
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: dates,
        datasets: [{
          label: canvas.dataset.label || 'score', data: points.map(p => p.y),
          borderColor: '#1f6f8b', borderWidth: 1.5, tension: 0.1,
          pointRadius: points.length > 60 ? 0 : 2.5
        }, {
          label: 'at procedures', data: scores, showLine: false, pointStyle: 'rectRot', pointRadius: 5,
          borderColor: 'rgba(164,38,44,1)', backgroundColor: 'rgba(164,38,44,.4)'
        }]
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        layout: {padding: {bottom: therapies.length * 14 + 4}},
        plugins: {legend: {display: false},
          outcomesOverlay: {therapies: therapies, band: band.length === 2 ? band : null, baseline: baseline,
            dates: dates, procedures: procedures, goals: goals}},
        scales: {
          x: {ticks: {maxTicksLimit: 8, autoSkip: true}},
          y: {min: Number(canvas.dataset.min), max: Number(canvas.dataset.max)}
        }
      },
      plugins: [overlay]
    });
  }

  document.addEventListener('DOMContentLoaded', () =>
    document.querySelectorAll('canvas#outcomes-chart').forEach(draw));
  // a link to a method text opens it
  document.addEventListener('click', ev => {
    const a = ev.target.closest && ev.target.closest('a[href^="#"]');
    const d = a && document.getElementById(a.getAttribute('href').slice(1));
    if (d && d.tagName === 'DETAILS') d.open = true;
  });
  // printing: open the method texts and redraw at the printed width (the print style fixes the box's size)
  window.addEventListener('beforeprint', () => {
    document.querySelectorAll('details.method').forEach(d => { d.open = true; });
    if (typeof Chart !== 'undefined') for (const id in Chart.instances) Chart.instances[id].resize();
  });
})();

// Draws instrument trends with Chart.js from data attributes (no inline scripts: the CSP forbids them).
// data-series="2026-01-05,7,,;2026-04-01,4,improved,-43% since baseline: moderate improvement"
// (date,score,meaningful-change against the reading before or the baseline,change from baseline), data-min, data-max,
// optional data-bands="0,20,Minimal;21,40,Moderate" shaded behind the line.
(function () {
  const BAND_COLOURS = ['rgba(30,107,58,.08)', 'rgba(154,91,0,.08)', 'rgba(164,38,44,.08)', 'rgba(164,38,44,.14)',
    'rgba(164,38,44,.20)'];

  function parseSeries(text) {
    return (text || '').split(';').filter(Boolean).map(p => {
      const [x, y, change, baseline] = p.split(',');
      return {x: x, y: Number(y), change: change || '', baseline: baseline || ''};
    });
  }

  const bandsPlugin = {
    id: 'bands',
    beforeDraw(chart, args, options) {
      const bands = options.bands || [];
      const {ctx, chartArea, scales} = chart;
      if (!chartArea) return;
      ctx.save();
      bands.forEach((b, i) => {
        const top = scales.y.getPixelForValue(Math.min(b.to, scales.y.max));
        const bottom = scales.y.getPixelForValue(Math.max(b.from, scales.y.min));
        ctx.fillStyle = BAND_COLOURS[i % BAND_COLOURS.length];
        ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
        if (!options.compact) {
          ctx.fillStyle = 'rgba(29,39,51,.55)';
          ctx.font = '11px system-ui';
          ctx.fillText(b.label, chartArea.left + 4, top + 12);
        }
      });
      ctx.restore();
    }
  };

  function draw(canvas) {
    if (canvas.dataset.drawn || typeof Chart === 'undefined') return;
    canvas.dataset.drawn = '1';
    const points = parseSeries(canvas.dataset.series);
    const spark = canvas.classList.contains('spark');
    const bands = (canvas.dataset.bands || '').split(';').filter(Boolean).map(b => {
      const [from, to, ...label] = b.split(',');
      return {from: Number(from), to: Number(to), label: label.join(',')};
    });
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: points.map(p => p.x),
        datasets: [{
          label: canvas.dataset.label || 'score',
          data: points.map(p => p.y),
          borderColor: '#1f6f8b', borderWidth: spark ? 1.5 : 2, tension: 0.2,
          pointRadius: points.map(p => p.change ? (spark ? 3 : 6) : (spark ? 1.5 : 3)),
          pointBackgroundColor: points.map(p => p.change === 'improved' ? '#1e6b3a'
            : p.change === 'worsened' ? '#a4262c' : '#1f6f8b')
        }]
      },
      options: {
        animation: false, responsive: !spark, maintainAspectRatio: !spark,
        plugins: {legend: {display: false}, bands: {bands: bands, compact: spark},
          tooltip: {enabled: !spark, callbacks: {footer: items => items.map(i => points[i.dataIndex].baseline)
            .filter(Boolean).join(' ')}}},
        scales: {
          x: {display: !spark},
          y: {display: !spark, min: Number(canvas.dataset.min), max: Number(canvas.dataset.max)}
        }
      },
      plugins: [bandsPlugin]
    });
  }

  function drawAll(root) {
    (root || document).querySelectorAll('canvas[data-series]').forEach(draw);
  }

  document.addEventListener('DOMContentLoaded', () => drawAll(document));
  document.addEventListener('htmx:load', e => drawAll(e.target));
})();

// Draws the follow-up report's charts from the tables on the page (the CSP allows no inline script or data, and the
// table is the chart's text alternative anyway). A figure.report-chart holds one table: the first cell of each body
// row is the bar's label, and every header cell marked data-series is one series, read from the cells' data-value.
// data-chart="stacked" stacks counts per status; "percent" draws one bar per row on a 0–100 scale.
// Statuses differ in hatching as well as colour, and the legend names them, so no status is told by colour alone.
(function () {
    'use strict';
    if (typeof window.Chart === 'undefined') return;

    // Colour (at least 3:1 against white) and hatching per status, as in the PDF.
    var statusStyles = {
        'done': ['#1e6b35', null],
        'changed': ['#1f5fa8', 'diagonal'],
        'ongoing': ['#a65e00', 'horizontal'],
        'not-started': ['#8e2a2a', 'vertical'],
        'cancelled': ['#5b4b8a', 'cross'],
        'missing': ['#6b6b6b', 'backdiagonal']
    };
    var percentStyle = ['#1f5fa8', null];

    function pattern(color, hatch) {
        if (!hatch) return color;
        var size = 8;
        var tile = document.createElement('canvas');
        tile.width = size;
        tile.height = size;
        var g = tile.getContext('2d');
        g.fillStyle = color;
        g.fillRect(0, 0, size, size);
        g.strokeStyle = '#ffffff';
        g.lineWidth = 1.5;
        g.beginPath();
        if (hatch === 'horizontal' || hatch === 'cross') { g.moveTo(0, size / 2); g.lineTo(size, size / 2); }
        if (hatch === 'vertical' || hatch === 'cross') { g.moveTo(size / 2, 0); g.lineTo(size / 2, size); }
        if (hatch === 'diagonal') { g.moveTo(0, size); g.lineTo(size, 0); g.moveTo(-1, 1); g.lineTo(1, -1); g.moveTo(size - 1, size + 1); g.lineTo(size + 1, size - 1); }
        if (hatch === 'backdiagonal') { g.moveTo(0, 0); g.lineTo(size, size); g.moveTo(size - 1, -1); g.lineTo(size + 1, 1); g.moveTo(-1, size - 1); g.lineTo(1, size + 1); }
        g.stroke();
        return g.createPattern(tile, 'repeat');
    }

    function swedish(value, decimals) {
        return value.toFixed(decimals).replace('.', ',');
    }

    // Writes each bar's value after it (and "ingen siffra" where there is none), so a missing figure is not read as an
    // empty bar, and nobody has to measure a bar to know its value.
    function valueLabels(stacked) {
        return {
            id: 'valueLabels',
            afterDatasetsDraw: function (chart) {
                var ctx = chart.ctx;
                var x = chart.scales.x;
                var meta = chart.getDatasetMeta(0);
                ctx.save();
                ctx.fillStyle = '#1b1b1f';
                ctx.font = '12px "DejaVu Sans", "Liberation Sans", Arial, sans-serif';
                ctx.textBaseline = 'middle';
                meta.data.forEach(function (bar, i) {
                    var values = chart.data.datasets.map(function (d) { return d.data[i]; });
                    var total = values.reduce(function (sum, v) { return sum + (v || 0); }, 0);
                    var none = values.every(function (v) { return v === null; });
                    var text = none ? 'ingen siffra' : stacked ? total + ' svar' : swedish(total, 1) + ' %';
                    ctx.fillText(text, (none ? x.left : x.getPixelForValue(total)) + 6, bar.y);
                });
                ctx.restore();
            }
        };
    }

    function shortLabel(text) {
        return text.length > 48 ? text.slice(0, 46).trimEnd() + '…' : text;
    }

    function number(cell) {
        var value = cell.getAttribute('data-value');
        return value === null || value === '' ? null : Number(value);
    }

    function draw(figure) {
        var table = figure.querySelector('table');
        if (!table || !table.tHead || !table.tBodies.length) return;
        var stacked = figure.getAttribute('data-chart') === 'stacked';
        var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        if (!rows.length) return;
        var labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
        var datasets = [];
        headers.forEach(function (th, index) {
            if (!th.hasAttribute('data-series')) return;
            var style = stacked ? (statusStyles[th.getAttribute('data-status')] || percentStyle) : percentStyle;
            datasets.push({
                label: th.textContent.trim(),
                data: rows.map(function (row) { return number(row.cells[index]); }),
                backgroundColor: pattern(style[0], style[1]),
                borderColor: style[0],
                borderWidth: 1
            });
        });

        var caption = figure.querySelector('figcaption');
        var box = document.createElement('div');
        box.className = 'chart-box';
        box.style.height = (rows.length * (stacked ? 28 : 30) + (stacked ? 90 : 60)) + 'px';
        var canvas = document.createElement('canvas');
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', (caption ? caption.textContent.trim() + ' ' : '') + 'Uppgifterna finns i tabellen under diagrammet.');
        box.appendChild(canvas);
        figure.insertBefore(box, table.closest('.table-scroll') || table);

        new window.Chart(canvas, {
            type: 'bar',
            data: { labels: labels.map(shortLabel), datasets: datasets },
            plugins: [valueLabels(stacked)],
            options: {
                layout: { padding: { right: 90 } },
                indexAxis: 'y',
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: {
                    x: {
                        stacked: stacked,
                        beginAtZero: true,
                        max: stacked ? undefined : 100,
                        ticks: { precision: 0, color: '#4a4a55', callback: function (v) { return stacked ? v : v + ' %'; } }
                    },
                    y: { stacked: stacked, ticks: { color: '#1b1b1f', autoSkip: false } }
                },
                plugins: {
                    legend: { display: stacked, position: 'top', labels: { color: '#1b1b1f' } },
                    tooltip: {
                        callbacks: {
                            title: function (items) { return items.length ? labels[items[0].dataIndex] : ''; },
                            label: function (item) {
                                if (item.raw === null) return item.dataset.label + ': ingen siffra';
                                return item.dataset.label + ': ' + (stacked ? item.raw : swedish(item.raw, 1) + ' %');
                            }
                        }
                    }
                }
            }
        });
        figure.classList.add('has-chart');
    }

    Array.prototype.forEach.call(document.querySelectorAll('figure.report-chart'), draw);
})();

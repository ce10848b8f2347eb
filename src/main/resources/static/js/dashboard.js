// 领导驾驶舱: draws the dashboard's charts with ECharts from /dashboard/data (one request, one query per chart).
document.addEventListener('DOMContentLoaded', function () {
  var root = document.getElementById('dashboard');
  if (!root || typeof echarts === 'undefined') {
    return;
  }
  var printButton = document.getElementById('print-dashboard');
  if (printButton) {
    printButton.addEventListener('click', function () { window.print(); });
  }
  var red = '#b71c1c';
  var palette = [red, '#9e9e9e', '#f57c00', '#1565c0', '#2e7d32', '#6a1b9a'];
  var charts = [];

  function names(el) {
    return (el.getAttribute('data-series') || '').split('|');
  }
  function column(points, i) {
    return points.map(function (p) { return p.values[i]; });
  }
  function labels(points) {
    return points.map(function (p) { return p.label; });
  }
  function base(el, points, horizontal) {
    return {
      animation: false,
      color: palette,
      tooltip: { trigger: 'axis' },
      grid: { left: horizontal ? 110 : 40, right: 20, top: 30, bottom: horizontal ? 20 : 60 },
      legend: { top: 0 }
    };
  }
  var builders = {
    coverage: function (el, points) {
      var n = names(el);
      var o = base(el, points, false);
      o.xAxis = { type: 'category', data: labels(points), axisLabel: { rotate: 45, interval: 0 } };
      o.yAxis = [{ type: 'value' }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }];
      o.series = [
        { name: n[0], type: 'bar', stack: 'all', data: column(points, 0) },
        { name: n[1], type: 'bar', stack: 'all', data: column(points, 1) },
        { name: n[2], type: 'line', yAxisIndex: 1, data: column(points, 2) }
      ];
      return o;
    },
    categories: function (el, points) {
      var o = base(el, points, false);
      o.tooltip = { trigger: 'item' };
      o.legend = { show: false };
      o.series = [{ name: names(el)[0], type: 'pie', radius: ['35%', '65%'],
        data: points.map(function (p) { return { name: p.label, value: p.values[0] }; }) }];
      return o;
    },
    trend: function (el, points) {
      var n = names(el);
      var o = base(el, points, false);
      o.xAxis = { type: 'category', data: labels(points) };
      o.yAxis = { type: 'value' };
      o.series = [{ name: n[0], type: 'bar', data: column(points, 0) },
        { name: n[1], type: 'line', data: column(points, 1) }];
      return o;
    },
    burndown: function (el, points) {
      var o = base(el, points, false);
      o.xAxis = { type: 'category', data: labels(points) };
      o.yAxis = { type: 'value' };
      o.series = [{ name: names(el)[0], type: 'line', areaStyle: {}, data: column(points, 0) }];
      return o;
    },
    overdue: function (el, points) {
      var o = base(el, points, true);
      o.xAxis = { type: 'value' };
      o.yAxis = { type: 'category', data: labels(points) };
      o.series = [{ name: names(el)[0], type: 'bar', data: column(points, 0) }];
      return o;
    },
    satisfaction: function (el, points) {
      var o = base(el, points, true);
      o.xAxis = { type: 'value', max: 100 };
      o.yAxis = { type: 'category', data: labels(points) };
      o.series = [{ name: names(el)[0], type: 'bar', data: column(points, 0) }];
      return o;
    }
  };

  fetch(root.getAttribute('data-source'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      root.querySelectorAll('[data-chart]').forEach(function (el) {
        var key = el.getAttribute('data-chart');
        var chart = echarts.init(el, null, { renderer: 'canvas' });
        chart.setOption(builders[key](el, data[key] || []));
        charts.push(chart);
      });
      root.setAttribute('data-loaded', 'true');
    });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize(); }); });
});

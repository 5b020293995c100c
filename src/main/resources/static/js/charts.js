// Renders every element with data-chart='{"type":"bar"|"pie","names":[...],"values":[...]}' with ECharts.
// Data sits in an attribute, not an inline script, so the page keeps its strict Content-Security-Policy.
(function () {
  function render(el) {
    var spec = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el);
    if (spec.type === 'line') {
      var percentAxis = spec.series.some(function (s) { return s.name.charAt(0) === '%'; });
      chart.setOption({ tooltip: { trigger: 'axis' }, legend: { top: 0 },
        grid: { left: 60, right: percentAxis ? 50 : 10, top: 30, bottom: 30 },
        xAxis: { type: 'category', data: spec.names },
        yAxis: percentAxis ? [{ type: 'value' }, { type: 'value', axisLabel: { formatter: '{value}%' } }]
                           : [{ type: 'value' }],
        series: spec.series.map(function (s) {
          var pct = s.name.charAt(0) === '%';
          return { type: 'line', name: pct ? s.name.substring(1) : s.name, data: s.values, smooth: false,
                   yAxisIndex: pct ? 1 : 0, connectNulls: true };
        }) });
      window.addEventListener('resize', function () { chart.resize(); });
      return;
    }
    var data = spec.names.map(function (n, i) { return { name: n, value: spec.values[i] }; });
    var option = spec.type === 'funnel'
      ? { tooltip: { trigger: 'item' }, series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%',
          minSize: '8%', data: data, label: { formatter: '{b}：{c}' } }] }
      : spec.type === 'pie'
      ? { tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: ['40%', '70%'], data: data,
          label: { formatter: '{b}\n{c}' } }] }
      : { tooltip: { trigger: 'axis' }, grid: { left: 40, right: 10, top: 10, bottom: 60 },
          xAxis: { type: 'category', data: spec.names, axisLabel: { rotate: 40, interval: 0 } },
          yAxis: { type: 'value' }, series: [{ type: 'bar', data: spec.values, itemStyle: { color: '#1565c0' } }] };
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.querySelectorAll('[data-chart]').forEach(render);
})();

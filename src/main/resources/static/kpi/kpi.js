// The KPI dashboard: read-only views over GET /api/kpis and GET /api/kpis/{id}/orders (same login as the page).
(function () {
  'use strict';

  const COCKPIT = '/camunda/app/cockpit/default/#/process-instance/';
  const RATE_KPIS = ['timelyHandlingRate', 'satisfactionRate', 'onSiteAppointmentRate', 'installationTimeliness',
    'firstContactInTime', 'escalationRate', 'repeatComplaintRate', 'reprocessingRate'];
  const $ = (id) => document.getElementById(id);
  let trendChart;
  let regionChart;
  let regionGroups = [];

  function iso(date) {
    return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-' +
      String(date.getDate()).padStart(2, '0');
  }

  function format(kpi, value) {
    if (value === null || value === undefined) {
      return '—';
    }
    if (kpi.unit === 'RATIO') {
      return (value * 100).toFixed(1) + '%';
    }
    if (kpi.unit === 'CNY') {
      return '¥' + Number(value).toFixed(2);
    }
    return Number(value).toFixed(2);
  }

  function text(parent, tag, content, className) {
    const el = document.createElement(tag);
    el.textContent = content;
    if (className) {
      el.className = className;
    }
    parent.appendChild(el);
    return el;
  }

  function query() {
    const params = new URLSearchParams({ from: $('from').value, to: $('to').value });
    if ($('region').value.trim()) {
      params.set('region', $('region').value.trim());
    }
    return params;
  }

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const detail = (body.errors || []).map((e) => e.field + ': ' + e.message).join('; ');
      throw new Error((body.message || response.status) + (detail ? ' — ' + detail : ''));
    }
    return body;
  }

  function renderKpis(kpis) {
    const body = $('kpis').querySelector('tbody');
    body.replaceChildren();
    for (const kpi of kpis) {
      const row = document.createElement('tr');
      row.className = 'kpi';
      row.dataset.kpi = kpi.id;
      text(row, 'td', kpi.name);
      text(row, 'td', format(kpi, kpi.value), 'num value');
      text(row, 'td', kpi.target === null ? '—' : kpi.targetOperator + ' ' + format(kpi, kpi.target), 'num');
      if (kpi.met === true) {
        text(row, 'td', '达标 Met', 'met');
      } else if (kpi.met === false) {
        text(row, 'td', '未达标 Missed', 'missed');
      } else {
        text(row, 'td', kpi.noDenominator ? '无分母 No denominator' : '—', 'none');
      }
      text(row, 'td', kpi.numerator === null ? '—' : String(kpi.numerator), 'num');
      text(row, 'td', kpi.denominator === null ? '—' : String(kpi.denominator), 'num');
      text(row, 'td', '明细 Orders ›');
      row.addEventListener('click', () => showOrders(kpi, row));
      body.appendChild(row);
    }
  }

  function renderTrend(groups) {
    const months = groups.map((g) => g.key);
    const series = RATE_KPIS.map((id) => {
      const first = groups.length ? groups[0].kpis.find((k) => k.id === id) : null;
      return {
        name: first ? first.name : id,
        type: 'line',
        connectNulls: false,
        data: groups.map((g) => {
          const k = g.kpis.find((x) => x.id === id);
          return k && k.value !== null ? Number((k.value * 100).toFixed(2)) : null;
        })
      };
    });
    trendChart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : v + '%') },
      legend: { type: 'scroll', top: 0 },
      grid: { top: 60, left: 50, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: series
    }, true);
  }

  function renderRegions() {
    const id = $('regionKpi').value;
    const labels = regionGroups.map((g) => g.key);
    const kpiOf = (g) => g.kpis.find((k) => k.id === id);
    const first = regionGroups.length ? kpiOf(regionGroups[0]) : null;
    const ratio = first && first.unit === 'RATIO';
    const values = regionGroups.map((g) => {
      const k = kpiOf(g);
      if (!k || k.value === null) {
        return null;
      }
      return ratio ? Number((k.value * 100).toFixed(2)) : Number(k.value);
    });
    const target = first && first.target !== null ? (ratio ? first.target * 100 : Number(first.target)) : null;
    regionChart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { top: 30, left: 60, right: 20, bottom: 40 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', max: ratio ? 100 : null, axisLabel: { formatter: ratio ? '{value}%' : '{value}' } },
      series: [{
        name: first ? first.name : id,
        type: 'bar',
        data: values,
        markLine: target === null ? undefined : {
          symbol: 'none', data: [{ yAxis: target, name: '目标 Target' }], label: { formatter: '目标 Target {c}' }
        }
      }]
    }, true);
  }

  async function showOrders(kpi, row) {
    document.querySelectorAll('tr.kpi.selected').forEach((r) => r.classList.remove('selected'));
    row.classList.add('selected');
    $('ordersKpi').textContent = kpi.name;
    const body = $('orders').querySelector('tbody');
    body.replaceChildren();
    $('ordersSection').hidden = false;
    try {
      const result = await getJson('/api/kpis/' + encodeURIComponent(kpi.id) + '/orders?' + query());
      for (const order of result.orders) {
        const tr = document.createElement('tr');
        tr.className = 'order';
        text(tr, 'td', order.orderNo || '');
        text(tr, 'td', order.orderType || '');
        text(tr, 'td', order.category || '');
        text(tr, 'td', order.region || '');
        text(tr, 'td', order.channel || '');
        text(tr, 'td', order.receivedAt ? new Date(order.receivedAt).toLocaleString('zh-CN') : '');
        text(tr, 'td', order.closedAt ? new Date(order.closedAt).toLocaleString('zh-CN') : '');
        text(tr, 'td', String(order.numeratorValue), 'num');
        const cell = document.createElement('td');
        if (order.processInstanceId) {
          const link = document.createElement('a');
          link.href = COCKPIT + encodeURIComponent(order.processInstanceId);
          link.target = '_blank';
          link.rel = 'noopener';
          link.textContent = 'Cockpit ›';
          cell.appendChild(link);
        }
        if (order.orderNo) {
          // Cockpit (community edition) shows running instances only; the history page shows every step.
          const history = document.createElement('a');
          history.href = 'history.html?order=' + encodeURIComponent(order.orderNo);
          history.className = 'history';
          history.textContent = ' 历史 History ›';
          cell.appendChild(history);
        }
        tr.appendChild(cell);
        body.appendChild(tr);
      }
      $('ordersTruncated').hidden = !result.truncated;
    } catch (e) {
      $('status').textContent = '加载失败 Failed: ' + e.message;
    }
  }

  async function load() {
    $('status').textContent = '加载中 Loading…';
    $('ordersSection').hidden = true;
    try {
      const [report, trend, regions] = await Promise.all([
        getJson('/api/kpis?' + query()),
        getJson('/api/kpis?' + query() + '&groupBy=month'),
        getJson('/api/kpis?' + query() + '&groupBy=region')
      ]);
      renderKpis(report.kpis);
      renderTrend(trend.groups);
      regionGroups = regions.groups;
      if (!$('regionKpi').options.length) {
        for (const kpi of report.kpis) {
          const option = text($('regionKpi'), 'option', kpi.name);
          option.value = kpi.id;
        }
        $('regionKpi').value = 'timelyHandlingRate';
      }
      renderRegions();
      $('status').textContent = report.from + ' — ' + report.to + (report.region ? ' · ' + report.region : '') +
        ' (北京时间 Beijing time, 结束日不含 end exclusive)';
      document.body.dataset.loaded = 'true';
    } catch (e) {
      $('status').textContent = '加载失败 Failed: ' + e.message;
      document.body.dataset.loaded = 'error';
    }
  }

  function init() {
    const params = new URLSearchParams(window.location.search);
    const now = new Date();
    const defaultFrom = new Date(now.getFullYear(), now.getMonth() - 5, 1);
    const defaultTo = new Date(now.getFullYear(), now.getMonth() + 1, 1);
    $('from').value = params.get('from') || iso(defaultFrom);
    $('to').value = params.get('to') || iso(defaultTo);
    $('region').value = params.get('region') || '';
    trendChart = echarts.init($('trend'));
    regionChart = echarts.init($('byRegion'));
    window.addEventListener('resize', () => { trendChart.resize(); regionChart.resize(); });
    $('regionKpi').addEventListener('change', renderRegions);
    $('period').addEventListener('submit', (event) => { event.preventDefault(); load(); });
    load();
  }

  init();
}());

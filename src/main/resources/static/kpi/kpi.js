// The service department's dashboard: read-only views over GET /api/kpis, /api/kpis/{id}/orders and
// /api/dashboard/* (same login as the page). Every time is shown in Beijing time, whatever the browser's zone.
(function () {
  'use strict';

  const COCKPIT = '/camunda/app/cockpit/default/#/process-instance/';
  const $ = (id) => document.getElementById(id);
  const ZONE = 'Asia/Shanghai';
  const WHEN = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const when = (iso) => (iso ? WHEN.format(new Date(iso)) : '');
  let trendChart;
  let regionChart;
  let agingChart;
  let breachChart;
  let regionGroups = [];

  const DEADLINES = { firstContact: '首次联系 First contact', extraction: '提取 Extraction',
    appointment: '预约 Appointment', completion: '完成 Work done', installation: '装机承诺 Install promise',
    closure: '结单 Closure' };

  /** Two download links (CSV, Excel) for a figure. */
  function exportLinks(span, url) {
    span.replaceChildren();
    for (const [format, label] of [['csv', 'CSV'], ['xlsx', 'Excel']]) {
      const link = document.createElement('a');
      link.href = url + (url.includes('?') ? '&' : '?') + 'format=' + format;
      link.className = 'export ' + format;
      link.setAttribute('download', '');
      link.textContent = '⤓ ' + label;
      span.appendChild(link);
    }
  }

  function months() {
    const from = $('from').value.slice(0, 7);
    const last = new Date($('to').value + 'T00:00:00Z');
    last.setUTCDate(last.getUTCDate() - 1);
    return { from: from, to: last.toISOString().slice(0, 7) };
  }

  function renderExports() {
    document.querySelectorAll('.exports[data-export]').forEach((span) => {
      const params = new URLSearchParams();
      if (span.dataset.period) {
        params.set('from', $('from').value);
        params.set('to', $('to').value);
      }
      if (span.dataset.months) {
        const m = months();
        params.set('from', m.from);
        params.set('to', m.to);
      }
      if ($('region').value.trim() && !span.dataset.export.includes('workload')) {
        params.set('region', $('region').value.trim());
      }
      const base = span.dataset.export;
      const query = params.toString();
      exportLinks(span, query ? base + (base.includes('?') ? '&' : '?') + query : base);
    });
  }

  function fillTable(id, rows, cells, className) {
    const body = $(id).querySelector('tbody');
    body.replaceChildren();
    for (const item of rows) {
      const tr = document.createElement('tr');
      if (className) {
        tr.className = typeof className === 'function' ? className(item) : className;
      }
      for (const cell of cells(item)) {
        if (cell instanceof Node) {
          const td = document.createElement('td');
          td.appendChild(cell);
          tr.appendChild(td);
        } else {
          text(tr, 'td', cell === null || cell === undefined ? '' : String(cell),
            typeof cell === 'number' ? 'num' : undefined);
        }
      }
      body.appendChild(tr);
    }
  }

  function link(href, label, className) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = label;
    if (className) {
      a.className = className;
    }
    return a;
  }

  /** A calendar day (a UTC-midnight Date) as YYYY-MM-DD. */
  function iso(date) {
    return date.toISOString().slice(0, 10);
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

  /**
   * Small multiples: one grid per rate KPI (unit RATIO, in the API's order, so a new rate appears without a change
   * here), each on its own scale with its target line.
   */
  function renderTrend(groups) {
    const months = groups.map((g) => g.key);
    const columns = 4;
    const ids = groups.length ? groups[0].kpis.filter((k) => k.unit === 'RATIO').map((k) => k.id) : [];
    const rows = Math.ceil(ids.length / columns);
    const grids = [];
    const xAxes = [];
    const yAxes = [];
    const titles = [];
    const series = [];
    ids.forEach((id, n) => {
      const col = n % columns;
      const row = Math.floor(n / columns);
      const left = 4 + col * 24.5;
      const top = 6 + row * (94 / rows);
      grids.push({ left: left + '%', width: '19%', top: (top + 5) + '%', height: (94 / rows - 16) + '%',
        containLabel: true });
      const first = groups.length ? groups[0].kpis.find((k) => k.id === id) : null;
      const values = groups.map((g) => {
        const k = g.kpis.find((x) => x.id === id);
        return k && k.value !== null ? Number((k.value * 100).toFixed(2)) : null;
      });
      const target = first && first.target !== null ? Number((first.target * 100).toFixed(2)) : null;
      titles.push({ text: first ? first.name : id, left: left + '%', top: top + '%',
        textStyle: { fontSize: 12, fontWeight: 'normal' } });
      xAxes.push({ type: 'category', data: months, gridIndex: n, axisLabel: { fontSize: 10 } });
      // its own scale: from the values and the target, not 0–100 % for all
      yAxes.push({ type: 'value', gridIndex: n, scale: true, axisLabel: { formatter: '{value}%', fontSize: 10 } });
      series.push({
        name: first ? first.name : id, type: 'line', xAxisIndex: n, yAxisIndex: n, connectNulls: false, data: values,
        markLine: target === null ? undefined : { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#c62828' },
          data: [{ yAxis: target }], label: { formatter: '目标 {c}%', fontSize: 10 } }
      });
    });
    trendChart.setOption({
      title: titles, grid: grids, xAxis: xAxes, yAxis: yAxes, series: series,
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : v + '%') }
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
    exportLinks($('ordersExports'), '/api/dashboard/kpis/' + encodeURIComponent(kpi.id) + '/orders?' + query());
    try {
      const result = await getJson('/api/kpis/' + encodeURIComponent(kpi.id) + '/orders?' + query());
      for (const order of result.orders) {
        const tr = document.createElement('tr');
        tr.className = 'order';
        const number = document.createElement('td');
        if (order.orderNo) {
          number.appendChild(link('history.html?order=' + encodeURIComponent(order.orderNo), order.orderNo, 'order-page'));
        }
        tr.appendChild(number);
        text(tr, 'td', order.orderType || '');
        text(tr, 'td', order.category || '');
        text(tr, 'td', order.region || '');
        text(tr, 'td', order.channel || '');
        text(tr, 'td', when(order.receivedAt));
        text(tr, 'td', when(order.closedAt));
        text(tr, 'td', String(order.numeratorValue), 'num');
        const cell = document.createElement('td');
        if (order.processInstanceId && !order.closedAt) {
          // Cockpit (community edition) shows running instances only
          const cockpit = link(COCKPIT + encodeURIComponent(order.processInstanceId), 'Cockpit ›', 'cockpit');
          cockpit.target = '_blank';
          cockpit.rel = 'noopener';
          cell.appendChild(cockpit);
        }
        if (order.orderNo) {
          cell.appendChild(link('history.html?order=' + encodeURIComponent(order.orderNo), ' 工单页 Order page ›',
            'history'));
        }
        tr.appendChild(cell);
        body.appendChild(tr);
      }
      $('ordersTruncated').hidden = !result.truncated;
    } catch (e) {
      $('status').textContent = '加载失败 Failed: ' + e.message;
    }
  }

  /** A department view: its data, or the reason the user may not see it (403 explained, not an empty box). */
  async function section(url, statusId, render) {
    try {
      render(await getJson(url));
    } catch (e) {
      if (statusId) {
        $(statusId).textContent = '无法显示 Not shown: ' + e.message;
        $(statusId).classList.add('forbidden');
      }
    }
  }

  function regionParam() {
    return $('region').value.trim() ? 'region=' + encodeURIComponent($('region').value.trim()) : '';
  }

  function loadRisk() {
    return section('/api/dashboard/at-risk?' + regionParam(), 'riskStatus', (body) => {
      $('riskStatus').classList.remove('forbidden');
      // next year's holiday schedule missing (from 1 November): a banner until the administrator adds it
      const warnings = body.calendarWarnings || [];
      $('calendarWarning').hidden = warnings.length === 0;
      $('calendarWarning').textContent = warnings.map((w) => w.message).join(' · ');
      $('riskStatus').textContent = '截至 as of ' + when(body.now) + ' (北京时间 Beijing time) · ' + body.orders.length +
        ' 单 orders · 将超时 = ' + body.withinHours + ' 小时内到期 at risk = due within ' + body.withinHours + ' h' +
        (body.truncated ? ' · 仅前若干单 first orders only' : '');
      fillTable('riskGroups', body.groups, (g) => [g.group, g.breached, g.atRisk], 'risk-group');
      fillTable('risk', body.orders, (o) => [
        link('history.html?order=' + encodeURIComponent(o.orderNo), o.orderNo, 'order-page'), o.type, o.category,
        o.region, o.group, o.state === 'BREACHED' ? '已超时 Breached' : '将超时 At risk', DEADLINES[o.deadline] || o.deadline,
        when(o.due),
        o.tasks.length ? link(o.tasks[0].url, o.tasks[0].name + ' ›', 'task') : '—'
      ], (o) => 'risk-order ' + (o.state === 'BREACHED' ? 'breached' : 'at-risk'));
      document.querySelectorAll('#risk tbody tr').forEach((tr, n) => {
        tr.dataset.order = body.orders[n].orderNo;
        tr.children[5].classList.add('state');
      });
    });
  }

  function loadAging() {
    return section('/api/dashboard/aging?' + regionParam(), null, (body) => {
      agingChart.setOption({
        tooltip: { trigger: 'axis' }, legend: { top: 0 },
        grid: { top: 40, left: 50, right: 20, bottom: 30 },
        xAxis: { type: 'category', data: body.buckets },
        yAxis: { type: 'value', minInterval: 1 },
        series: body.rows.map((r) => ({ name: r.type, type: 'bar', stack: 'open', data: body.buckets.map((b) => r[b]) }))
      }, true);
    });
  }

  function loadWorkload() {
    return section('/api/dashboard/workload', null, (body) => {
      fillTable('workloadGroups', body.groups.filter((g) => g.open > 0), (g) => [g.name, g.open, g.overdue, g.unassigned]);
      fillTable('workloadInstallers', body.installers, (i) => [i.installer, i.group, i.open, i.overdue]);
    });
  }

  function loadBreaches() {
    const m = months();
    return section('/api/dashboard/breaches?from=' + m.from + '&to=' + m.to + '&' + regionParam(), null, (body) => {
      breachChart.setOption({
        tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 },
        grid: { top: 40, left: 50, right: 20, bottom: 30 },
        xAxis: { type: 'category', data: body.months },
        yAxis: { type: 'value', minInterval: 1 },
        series: body.reasons.map((r) => ({ name: r.reason, type: 'bar', stack: 'breaches', data: r.counts }))
          .concat([{ name: '合计 Total', type: 'line', data: body.total }])
      }, true);
    });
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
      renderExports();
      await Promise.all([loadRisk(), loadAging(), loadWorkload(), loadBreaches()]);
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
    // today in Beijing, not in the browser's zone
    const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date()).split('-').map(Number);
    const defaultFrom = new Date(Date.UTC(year, month - 1 - 5, 1));
    const defaultTo = new Date(Date.UTC(year, month, 1));
    $('from').value = params.get('from') || iso(defaultFrom);
    $('to').value = params.get('to') || iso(defaultTo);
    $('region').value = params.get('region') || '';
    trendChart = echarts.init($('trend'));
    regionChart = echarts.init($('byRegion'));
    agingChart = echarts.init($('aging'));
    breachChart = echarts.init($('breachTrend'));
    window.addEventListener('resize', () => {
      [trendChart, regionChart, agingChart, breachChart].forEach((chart) => chart.resize());
    });
    $('regionKpi').addEventListener('change', renderRegions);
    $('period').addEventListener('submit', (event) => { event.preventDefault(); load(); });
    load();
  }

  init();
}());

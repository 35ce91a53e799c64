// One work order's page: its facts (GET /api/work-orders/{orderNo}) and its steps from the engine's history
// (GET /api/work-orders/{orderNo}/history) — for open and closed orders alike (Cockpit CE shows running ones only).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  // always the operator's zone, whatever the browser's
  const FORMAT = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const when = (iso) => (iso ? FORMAT.format(new Date(iso)) : '');
  const MILESTONES = [
    ['首次联系 First contact', 'firstContactDue', 'firstContactAt', 'firstContactOnTime'],
    ['预登记提取 Extraction', 'extractionDue', 'extractedAt', null],
    ['预约 Appointment call', 'appointmentDue', 'appointmentBookedAt', null],
    ['完成 Work done (internal target)', 'completionDue', 'completedAt', 'completionOnTime'],
    ['装机承诺 Installation promise', 'installationDue', 'completedAt', null],
    ['结单 Closure', 'closureDue', 'closedAt', 'closureOnTime']];
  const OUTCOME = [
    ['状态 Status', 'status'], ['满意度 Satisfaction', 'satisfaction'], ['回访 Surveyed', 'surveyedAt', true],
    ['处理轮次 Rounds', 'rounds'], ['升级级别 Escalation level', 'escalationLevel'], ['根因 Root cause', 'rootCause'],
    ['责任方 Responsible party', 'responsibleParty'], ['服务承诺 Commitment', 'commitment'],
    ['赔付 Compensation (¥)', 'compensationAmount'], ['违约金/补救 Remedy (¥)', 'remedyAmount'],
    ['逾期天数 Days late', 'daysLate'], ['应减免费用 Fee reduction due', 'feeReductionDue'],
    ['时限跨入无节假日安排的年份 Deadline runs into a year without holiday schedule', 'deadlineUnscheduledYear'],
    ['处理结果 Resolution', 'resolution']];

  function row(table, values, className) {
    const tr = document.createElement('tr');
    if (className) {
      tr.className = className;
    }
    for (const value of values) {
      const td = document.createElement('td');
      td.textContent = value === undefined || value === null ? '' : String(value);
      tr.appendChild(td);
    }
    $(table).querySelector('tbody').appendChild(tr);
    return tr;
  }

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return { response, body: await response.json().catch(() => ({})) };
  }

  function renderOrder(order) {
    $('summary').textContent = [order.orderType, order.category || order.service, order.region, order.status,
      order.channel].filter(Boolean).join(' · ') + ' · 受理 received ' + when(order.receivedAt);
    for (const [label, due, done, onTime] of MILESTONES) {
      if (!order[due] && !order[done]) {
        continue;
      }
      const flag = onTime ? order[onTime] : (order[due] && order[done] ? new Date(order[done]) <= new Date(order[due])
        : undefined);
      const tr = row('deadlines', [label, when(order[due]), when(order[done]),
        flag === true ? '及时 on time' : flag === false ? '超时 late' : (order[due] && !order[done] ? '进行中 open' : '')],
      'milestone');
      tr.dataset.onTime = String(flag);
    }
    for (const [label, key, isTime] of OUTCOME) {
      if (order[key] !== undefined && order[key] !== null) {
        row('outcome', [label, isTime ? when(order[key]) : order[key]]);
      }
    }
    for (const e of order.escalations || []) {
      row('escalations', [e.level, e.group, e.reason, when(e.startedAt), when(e.due), when(e.answeredAt),
        e.instruction, when(e.newDeadline)], 'escalation');
    }
    for (const v of order.returnVisits || []) {
      row('returnVisits', [v.round, v.outcome, v.attempts, when(v.firstCallAt), when(v.surveyedAt)], 'return-visit');
    }
    if (!(order.returnVisits || []).length) {
      row('returnVisits', ['无回访 No return visit', '', '', '', '']);
    }
    for (const b of order.breaches || []) {
      row('breaches', [b.reason, when(b.deadline), when(b.detectedAt)], 'breach');
    }
    if (!(order.breaches || []).length) {
      row('breaches', ['无超时 No breaches', '', '']);
    }
  }

  async function load() {
    const orderNo = new URLSearchParams(location.search).get('order') || '';
    $('orderNo').textContent = orderNo;
    const facts = await getJson('/api/work-orders/' + encodeURIComponent(orderNo));
    if (!facts.response.ok) {
      $('status').textContent = '加载失败 Failed: ' + (facts.body.message || facts.response.status);
      return;
    }
    renderOrder(facts.body);
    const sla = await getJson('/api/work-orders/' + encodeURIComponent(orderNo) + '/sla');
    const STATES = { RUNNING: '进行中 running', MET: '达成 met', BREACHED: '超时 breached' };
    for (const c of (sla.response.ok ? sla.body.clocks : [])) {
      const span = (d) => d ? d.natural + ' / ' + d.working : '';
      const warnings = (c.warnings || []).map((w) => w.level + ': ' + when(w.due) + (w.fired ? ' ✓' : '')).join('; ');
      const tr = row('sla', [c.name, STATES[c.state] || c.state, when(c.target), span(c.elapsed), span(c.remaining),
        warnings, c.breach ? when(c.breach.detectedAt) : ''], 'clock');
      tr.dataset.state = c.state;
    }
    if (!document.querySelector('#sla tbody tr')) {
      row('sla', [sla.response.ok ? '无时限 No deadlines on this order' : '加载失败 Failed: ' + sla.response.status,
        '', '', '', '', '', '']);
    }
    const history = await getJson('/api/work-orders/' + encodeURIComponent(orderNo) + '/history');
    if (history.response.status === 403) {
      $('historyStatus').className = 'forbidden';
      $('historyStatus').textContent = '无权查看处理历史 You may not see this order\'s history: ' + history.body.message;
      $('steps').hidden = true;
      return;
    }
    if (!history.response.ok) {
      $('historyStatus').textContent = '历史加载失败 History failed: ' + (history.body.message || history.response.status);
      return;
    }
    $('historyStatus').textContent = '流程 process ' + (history.body.processState || '—');
    for (const step of history.body.steps) {
      row('steps', [step.name, step.type, step.assignee || '', when(step.startedAt),
        step.canceled ? '取消 canceled' : when(step.endedAt)], 'step');
    }
  }

  load().finally(() => { document.body.dataset.loaded = 'true'; });
})();

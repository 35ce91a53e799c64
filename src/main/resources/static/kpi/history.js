// The steps of one work order from the engine's history (GET /api/work-orders/{orderNo}/history).
(function () {
  const $ = (id) => document.getElementById(id);
  const when = (iso) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '');

  async function load() {
    const orderNo = new URLSearchParams(location.search).get('order') || '';
    $('orderNo').textContent = orderNo;
    const response = await fetch('/api/work-orders/' + encodeURIComponent(orderNo) + '/history',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      $('status').textContent = '加载失败 Failed: ' + (body.message || response.status);
      return;
    }
    $('summary').textContent = body.type + ' · ' + body.status + ' · 流程 process ' + (body.processState || '—');
    const rows = $('steps').querySelector('tbody');
    for (const step of body.steps) {
      const tr = document.createElement('tr');
      tr.className = 'step';
      for (const value of [step.name, step.type, step.assignee || '', when(step.startedAt),
        step.canceled ? '取消 canceled' : when(step.endedAt)]) {
        const td = document.createElement('td');
        td.textContent = value;
        tr.appendChild(td);
      }
      rows.appendChild(tr);
    }
    $('breaches').textContent = body.breaches.length
      ? '超时 Breaches: ' + body.breaches.join(', ') : '无超时 No breaches';
  }

  load().finally(() => { document.body.dataset.loaded = 'true'; });
})();

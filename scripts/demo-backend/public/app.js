// Demo 千牛 web client: a small single-page app that behaves like the real one where it matters to
// the extension: it renders late, changes route without reloading, re-renders rows, pages, and uses
// hashed class names. Its 千牛 lists are drawn by the real Fusion Table (fusion/list.jsx) unless a
// `?layout=` asks for a hand-written one. It is test ground, not product code.
(function () {
  'use strict';
  var BOOT = window.__QN_BOOT__;
  var C = BOOT.cls;
  var H = 3600000;
  var API = '/h5/mtop.alibaba.refundface2.disputeservice.qianniu.pc.';
  var root = document.getElementById('ice-container');
  var timers = [];
  // ?delay=N fixes the render delay (benchmarks); otherwise it varies like the real back end.
  var fixedDelay = new URLSearchParams(location.search).get('delay');
  function renderDelay(base, spread) {
    return fixedDelay !== null ? Number(fixedDelay) : base + Math.random() * spread;
  }
  var state = { message: '' };
  // Every click on the page's own controls is recorded here, so tests can prove the extension made none.
  window.__demoClicks = [];
  window.__demoSubmits = [];
  document.addEventListener(
    'submit',
    function (e) {
      window.__demoSubmits.push({ trusted: e.isTrusted, at: Date.now() });
    },
    true,
  );
  document.addEventListener(
    'click',
    function (e) {
      var t = e.target && e.target.closest ? e.target.closest('button, a') : null;
      if (t) window.__demoClicks.push({ text: (t.textContent || '').trim(), trusted: e.isTrusted, at: Date.now() });
    },
    true,
  );

  function el(tag, cls, children, attrs) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (attrs) for (var k in attrs) if (attrs[k] != null) n.setAttribute(k, attrs[k]);
    (children || []).forEach(function (c) {
      if (c == null) return;
      n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return n;
  }
  function pad(n) {
    return String(n).padStart(2, '0');
  }
  function chinaTime(ms) {
    if (!ms) return '';
    var d = new Date(ms + 8 * H);
    return (
      d.getUTCFullYear() +
      '-' +
      pad(d.getUTCMonth() + 1) +
      '-' +
      pad(d.getUTCDate()) +
      ' ' +
      pad(d.getUTCHours()) +
      ':' +
      pad(d.getUTCMinutes()) +
      ':' +
      pad(d.getUTCSeconds())
    );
  }
  function yuan(fen) {
    return '¥' + (fen / 100).toFixed(2);
  }
  function countdown(msLeft) {
    if (msLeft <= 0) return '已超时';
    var m = Math.floor(msLeft / 60000);
    var d = Math.floor(m / 1440),
      h = Math.floor((m % 1440) / 60),
      mi = m % 60;
    return '还剩' + (d > 0 ? d + '天' : '') + h + '时' + mi + '分';
  }
  function countdownLine(vo) {
    if (!vo.timeoutAt) return null;
    var act = vo.refundRemindTimeout && vo.refundRemindTimeout.action;
    var who = /买家|待激活/.test(vo.statusDesc) && !/买家已退货/.test(vo.statusDesc) ? '买家' : '';
    return (
      countdown(vo.timeoutAt - Date.now()) + (act ? '，' + (who ? '买家逾期未处理将' : '逾期未处理系统将') + act : '')
    );
  }
  var FLAG_TEXT = {
    freightInsurance: '运费险',
    freeShipping: '包邮',
    buyerUrged: '买家催促',
    platformIntervened: '小二已介入',
    fastRefund: '极速退款',
  };
  function flags(vo) {
    return Object.keys(FLAG_TEXT)
      .filter(function (k) {
        return vo.tags && vo.tags[k];
      })
      .map(function (k) {
        return el('span', C.flag, [FLAG_TEXT[k]]);
      });
  }
  function goodsText(vo) {
    return vo.goodStatus === 'BUYER_NOT_RECEIVED'
      ? '未收到货'
      : vo.goodStatus === 'BUYER_RETURNED_GOODS'
        ? '已退货'
        : '已收到货';
  }
  function typeText(vo) {
    return vo.bizClaimType + (vo.refundPhase === 'onsale' ? '(售中)' : '(售后)');
  }

  function clearTimers() {
    timers.forEach(clearInterval);
    timers = [];
  }
  function navigate(href) {
    history.pushState({}, '', href);
    route();
  }
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[data-spa]') : null;
    if (!a) return;
    e.preventDefault();
    navigate(a.getAttribute('href'));
  });
  window.addEventListener('popstate', route);

  function fetchJson(url) {
    // Test hook: the page's ?statusWording= goes on to its data requests (see server.mjs).
    var wording = new URLSearchParams(location.search).get('statusWording');
    if (wording) url += (url.indexOf('?') < 0 ? '?' : '&') + 'statusWording=' + encodeURIComponent(wording);
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      return r.json();
    });
  }

  // The data responses come in the real shapes (see server.mjs listBody/toVO); the page draws from
  // each row's `demoView`. `?money=`, `?listAt=` and `?rowIds=` pick the demo's data variants, passed on to its calls.
  var pageParams = new URLSearchParams(location.search);
  var DATA_OPTS = ['money', 'listAt', 'rowIds']
    .filter(function (k) {
      return pageParams.get(k);
    })
    .map(function (k) {
      return '&' + k + '=' + encodeURIComponent(pageParams.get(k));
    })
    .join('');
  /** The rows of a list answer, wherever the answer put them. */
  function rowsOf(res) {
    var found = null;
    (function walk(node, depth) {
      if (found || !node || typeof node !== 'object' || depth > 6) return;
      if (Array.isArray(node)) {
        if (node.length && node[0] && node[0].demoView) found = node;
        return;
      }
      Object.keys(node).forEach(function (k) {
        if (k !== 'demoView') walk(node[k], depth + 1);
      });
    })(res && res.data, 0);
    return (found || []).map(function (vo) {
      return vo.demoView;
    });
  }
  /** A query's list: first the summary answer (no rows), then the rows, as a real shop's page receives them. */
  function fetchList(query) {
    return fetchJson(API + 'disputelistv2/1.0/?summary=1' + query + DATA_OPTS)
      .then(function () {
        return fetchJson(API + 'disputelistv2/1.0/?' + query.replace(/^&/, '') + DATA_OPTS);
      })
      .then(rowsOf);
  }

  var TABS = [
    ['售后工作台', '/home.htm/trade-platform/refund-workbench', 'workbench'],
    ['退款管理', '/home.htm/trade-platform/refund-list', 'refund'],
    ['换货管理', '/home.htm/trade-platform/exchange-list', 'exchange'],
    ['退货邮费', '/home.htm/trade-platform/postage-list', 'postage'],
  ];

  // The lists' layout stays on when the tabs change the route: the Fusion variants and the hand-written
  // list (the other layouts are for one list). Without ?layout= the lists are Fusion's list mode.
  function fusionParam(embed) {
    var l = new URLSearchParams(location.search).get('layout');
    return l && l !== 'fusion' && (FUSION_LAYOUTS.indexOf(l) >= 0 || l === HAND_LAYOUT)
      ? (embed ? '&' : '?') + 'layout=' + l
      : '';
  }

  function frame(active, content) {
    var embed = new URLSearchParams(location.search).get('embed') === '1';
    var tabs = el(
      'div',
      C.tabs,
      TABS.map(function (t) {
        return el('a', C.tab + (t[2] === active ? ' ' + C.tabActive : ''), [t[0]], {
          href: t[1] + (embed ? '?embed=1' : '') + fusionParam(embed),
          'data-spa': '1',
        });
      }),
      { role: 'tablist' },
    );
    var main = el('div', C.main, [tabs, content]);
    if (embed) return main;
    return el('div', C.app, [
      // The header as 千牛 shows it: on Tmall the mark beside the shop's name; the logged-in account
      // as 主账号:子账号 (on Taobao the shop is known by it alone).
      el(
        'div',
        C.top,
        [el('span', C.brand, [BOOT.center])]
          .concat(
            BOOT.platform === 'tmall'
              ? [el('span', C.tmallMark, ['天猫'], { title: '天猫' }), el('span', C.shop, [BOOT.shop])]
              : [],
          )
          .concat([el('span', C.account, [BOOT.account], { title: '当前登录账号' })]),
        { role: 'banner' },
      ),
      el('div', C.layout, [
        el('nav', C.nav, [
          el('a', C.navItem, ['售后管理'], { href: '/home.htm/trade-platform/refund-list', 'data-spa': '1' }),
          el('a', C.navItem, ['已卖出的宝贝'], { href: '/home.htm/trade-platform/tp/sold', 'data-spa': '1' }),
          el('a', C.navItem, ['评价管理'], { href: '/home.htm/trade-platform/rate', 'data-spa': '1' }),
        ]),
        main,
      ]),
    ]);
  }

  function mount(node) {
    unmountFusion();
    root.textContent = '';
    root.appendChild(node);
  }

  function loading(active) {
    mount(frame(active, el('div', C.loading, ['加载中…'])));
  }

  // ---- lists -------------------------------------------------------------------------------
  var LISTS = {
    refund: {
      kind: 'refund',
      idLabel: '退款编号',
      columns: ['宝贝信息', '退款金额', '退款类型', '退款原因', '售后状态', '操作'],
      statuses: [
        ['-9999', '全部'],
        ['WAIT_SELLER_AGREE', '退款待处理'],
        ['SELLER_REFUSE_BUYER', '商家已拒绝'],
        ['WAIT_BUYER_RETURN_GOODS', '待买家退货'],
        ['WAIT_SELLER_CONFIRM_GOODS', '待商家收货'],
        ['SUCCESS', '退款成功'],
        ['CLOSED', '退款关闭'],
      ],
      cells: function (vo) {
        return [
          itemCell(vo),
          // `?paid=hidden`: a layout whose rows do not show 实付 (the data response still carries it).
          el('div', null, [
            el('div', null, [yuan(vo.disputeBodyVO.refundFee)]),
            pageParams.get('paid') === 'hidden'
              ? null
              : el('div', C.muted, ['实付 ' + yuan(vo.disputeBodyVO.buyerActualFee)]),
          ]),
          el('div', null, [
            el('div', null, [typeText(vo)]),
            el('div', C.muted, [vo.orderShipped ? '已发货' : '未发货']),
          ]),
          el('div', null, [vo.reason]),
          statusCell(vo),
          actions(vo, ['同意退款', '拒绝']),
        ];
      },
      detail: '/home.htm/trade-platform/refund-list/detail',
    },
    exchange: {
      kind: 'exchange',
      idLabel: '换货单号',
      columns: ['宝贝信息', '换货原因', '货物状态', '售后状态', '操作'],
      statuses: [
        ['-9999', '全部'],
        ['EXCHANGE_WAIT_SELLER_AGREE', '换货待处理'],
        ['EXCHANGE_WAIT_SELLER_SEND', '待发出换货商品'],
      ],
      cells: function (vo) {
        return [
          itemCell(vo),
          el('div', null, [vo.reason]),
          el('div', null, [goodsText(vo)]),
          statusCell(vo),
          actions(vo, ['同意换货', '拒绝']),
        ];
      },
      detail: '/home.htm/trade-platform/exchange-list/detail',
    },
    postage: {
      kind: 'postage',
      idLabel: '邮费单号',
      columns: ['宝贝信息', '邮费金额', '邮费原因', '退货物流', '退货发货地', '状态', '操作'],
      statuses: [
        ['-9999', '全部'],
        ['POSTAGE_WAIT_SELLER', '待处理'],
        ['POSTAGE_WAIT_ACTIVATE', '待激活'],
      ],
      cells: function (vo) {
        return [
          itemCell(vo),
          el('div', null, [yuan(vo.disputeBodyVO.postFee)]),
          el('div', null, [vo.reason]),
          el(
            'div',
            null,
            vo.logistics
              ? [
                  el('div', null, [vo.logistics.carrier]),
                  el('div', C.muted, [vo.logistics.number + ' ' + vo.logistics.state]),
                ]
              : ['—'],
          ),
          el('div', null, [(vo.logistics && vo.logistics.from) || '—']),
          statusCell(vo),
          actions(vo, ['同意', '拒绝']),
        ];
      },
      detail: '/home.htm/trade-platform/refund-list/detail',
    },
  };
  function itemCell(vo) {
    return el('div', C.item, [
      el('div', C.itemImg),
      el('div', null, [el('div', null, [vo.auctionTitle]), el('div', C.muted, ['数量：' + vo.quantity])]),
    ]);
  }
  function statusCell(vo) {
    var line = countdownLine(vo);
    return el('div', null, [
      el('div', C.status, [vo.statusDesc]),
      line ? el('div', C.countdown, [line], { 'data-timeout': String(vo.timeoutAt) }) : null,
    ]);
  }
  function actions(vo, labels) {
    var def = LISTS[kindOf(vo)];
    var btns = labels.map(function (l, i) {
      var b = el('button', C.btn + (i === 0 ? ' ' + C.btnPrimary : ''), [l], { type: 'button' });
      b.__demoAction = function () {
        toast('演示：' + l + '（未真正提交）');
      };
      b.addEventListener('click', b.__demoAction);
      return b;
    });
    // ?links=0: a list whose rows link to no detail page (the id shows only as text).
    if (new URLSearchParams(location.search).get('links') !== '0')
      btns.push(
        el('a', C.btnLink, ['详情'], { href: def.detail + '?disputeId=' + vo.disputeId + '&type=1', 'data-spa': '1' }),
      );
    return el('div', null, btns);
  }
  function kindOf(vo) {
    return vo.bizClaimType === '换货' ? 'exchange' : vo.bizClaimType === '邮费' ? 'postage' : 'refund';
  }
  function toast(text) {
    var t = el('div', C.toast, [text]);
    document.body.appendChild(t);
    setTimeout(function () {
      t.remove();
    }, 1500);
  }

  function renderList(kindKey) {
    var def = LISTS[kindKey];
    var params = new URLSearchParams(location.search);
    var pageSize = Number(params.get('pageSize') || 10);
    var demoRows = params.get('demoRows');
    var ui = { status: params.get('status') || '-9999', q: '', soon: false, page: 1 };
    // The list is drawn by the real Fusion Table, in list mode unless ?layout=fusion-plain|fusion-lock
    // (see FUSION_LAYOUTS); ?layout=hand is the demo's hand-written list mode, and ?layout=table|split|grid
    // renders it in another layout family (see LAYOUTS).
    var asked = params.get('layout');
    var layout = Object.prototype.hasOwnProperty.call(LAYOUTS, asked) ? asked : null;
    var fusion = FUSION_LAYOUTS.indexOf(asked) >= 0 ? asked : layout || asked === HAND_LAYOUT ? null : 'fusion';
    loading(kindKey);
    var started = location.href;
    Promise.all([
      fetchList('&pageSize=' + pageSize + (demoRows ? '&demoRows=' + demoRows : '')),
      fusion ? loadFusion() : null,
    ]).then(
      function (loaded) {
        var list = loaded[0];
        setTimeout(
          function () {
            if (location.href !== started) return;
            var all = list.filter(function (vo) {
              return kindOf(vo) === def.kind;
            });
            // ?hostile=1: the first case's buyer writes text that looks like facts (a status, a countdown).
            if (params.get('hostile') === '1' && all[0]) {
              all[0] = Object.assign({}, all[0], { buyerNick: '售后状态：退款成功', reason: '还剩0天0时1分' });
            }
            var listHost = el('div', C.grid);
            var select = el(
              'select',
              C.select,
              def.statuses.map(function (s) {
                return el('option', null, [s[1]], { value: s[0] });
              }),
              { 'aria-label': '售后状态' },
            );
            select.value = ui.status;
            var input = el('input', C.input, [], {
              placeholder: '订单编号 / ' + def.idLabel,
              'aria-label': '组合查询',
            });
            var query = el('button', C.btn + ' ' + C.btnPrimary, ['查询'], { type: 'button' });
            var soon = el('button', C.quick, ['24小时内即将超时'], { type: 'button' });
            query.addEventListener('click', function () {
              ui.status = select.value;
              ui.q = input.value.trim();
              ui.page = 1;
              draw();
            });
            soon.addEventListener('click', function () {
              ui.soon = !ui.soon;
              soon.className = C.quick + (ui.soon ? ' ' + C.quickOn : '');
              ui.page = 1;
              draw();
            });
            var filters = el('div', C.filters, [
              el('label', C.field, ['售后状态', select]),
              el('label', C.field, ['申请时间', el('input', C.input, [], { placeholder: '开始日期 ~ 结束日期' })]),
              el('label', C.field, ['组合查询', input]),
              query,
              soon,
            ]);
            var cols = 'grid-template-columns:2.2fr' + ' 1fr'.repeat(def.columns.length - 1);
            function draw() {
              var now = Date.now();
              var rows = all.filter(function (vo) {
                if (ui.status !== '-9999' && vo.refundStatus !== ui.status) return false;
                if (ui.q && vo.disputeId.indexOf(ui.q) < 0 && vo.bizOrderId.indexOf(ui.q) < 0) return false;
                if (ui.soon && !(vo.timeoutAt && vo.timeoutAt - now < 24 * H)) return false;
                return true;
              });
              var pages = Math.max(1, Math.ceil(rows.length / pageSize));
              ui.page = Math.min(ui.page, pages);
              var shown = rows.slice((ui.page - 1) * pageSize, ui.page * pageSize);
              // A full re-render with new nodes, as a virtual-DOM list does when its data changes.
              listHost.textContent = '';
              listHost.appendChild(
                el(
                  'div',
                  C.head,
                  def.columns.map(function (c) {
                    return el('div', C.headCell, [c]);
                  }),
                  { style: cols },
                ),
              );
              if (!shown.length) listHost.appendChild(el('div', C.empty, ['没有符合条件的宝贝']));
              if (fusion) {
                listHost.textContent = '';
                drawFusion(listHost, fusion, def, shown);
                document.body.setAttribute('data-demo-rows', String(shown.length));
                // For the tests: how many times React has redrawn the list (?rerenderMs=, paging, filters).
                document.body.setAttribute('data-demo-draws', String(++fusionDraws));
              } else if (layout) {
                listHost.textContent = '';
                listHost.appendChild(LAYOUTS[layout](def, shown));
                // For the benchmark: how many rows this layout drew (it shows 退款编号 only as a header).
                document.body.setAttribute('data-demo-rows', String(shown.length));
              } else
                shown.forEach(function (vo) {
                  var top = el(
                    'div',
                    C.rowTop,
                    [
                      el('span', C.pair, [def.idLabel + '：', el('span', null, [vo.disputeId])]),
                      el('span', C.pair, ['订单编号：', el('span', null, [vo.bizOrderId])]),
                      el('span', C.pair, ['买家：', el('span', null, [vo.buyerNick])]),
                      el('span', C.pair, ['申请时间：', el('span', null, [chinaTime(vo.gmtApply)])]),
                    ].concat(flags(vo)),
                  );
                  var body = el(
                    'div',
                    C.rowBody,
                    def.cells(vo).map(function (c) {
                      return el('div', C.cell, [c]);
                    }),
                    { style: cols },
                  );
                  listHost.appendChild(el('div', C.row, [top, body]));
                });
              var pager = el('div', C.pager, [el('span', C.muted, ['共 ' + rows.length + ' 条'])]);
              for (var p = 1; p <= pages; p++) {
                (function (p) {
                  var b = el('button', C.page + (p === ui.page ? ' ' + C.pageOn : ''), [String(p)], {
                    type: 'button',
                    'aria-label': '第' + p + '页',
                  });
                  b.addEventListener('click', function () {
                    ui.page = p;
                    draw();
                  });
                  pager.appendChild(b);
                })(p);
              }
              if (ui.page < pages) {
                var next = el('button', C.page, ['下一页'], { type: 'button', title: '下一页' });
                next.addEventListener('click', function () {
                  ui.page += 1;
                  draw();
                });
                pager.appendChild(next);
              }
              listHost.appendChild(pager);
            }
            mount(frame(kindKey, el('div', null, [filters, listHost])));
            draw();
            // The real list polls and re-renders; so does the demo.
            timers.push(setInterval(draw, Number(params.get('rerenderMs') || 20000)));
            // ?refetchMs=: it also asks for its list again that often (a status changed on the server shows).
            if (params.get('refetchMs'))
              timers.push(
                setInterval(
                  function () {
                    fetchList('&pageSize=' + pageSize + (demoRows ? '&demoRows=' + demoRows : '')).then(
                      function (list) {
                        all = list.filter(function (vo) {
                          return kindOf(vo) === def.kind;
                        });
                      },
                    );
                  },
                  Number(params.get('refetchMs')),
                ),
              );
          },
          renderDelay(300, 400),
        );
      },
      function (error) {
        // The Fusion bundle did not load (the backend could not build it): said on the page, not a hang.
        if (location.href !== started) return;
        mount(
          frame(
            kindKey,
            el('div', C.empty, ['演示：Fusion 列表未能加载（' + String(error) + '），可改用 ?layout=hand']),
          ),
        );
      },
    );
  }

  // ---- other layout families of a list -------------------------------------------------------
  // The same rows as the 千牛 list, in the layouts other seller pages use: a plain table whose id
  // is a column, a Fusion split table (header and body in separate tables, the id column locked and
  // so rendered twice), and an ARIA grid of divs.
  function leadCells(def, vo) {
    return [
      el('div', null, [el('span', null, [vo.disputeId]), el('button', C.btn, ['复制'], { type: 'button' })]),
      el('div', null, [vo.bizOrderId]),
      el('div', null, [vo.buyerNick]),
      el('div', null, [chinaTime(vo.gmtApply)]),
    ];
  }
  // ?idLabel= names the id column with a label the extension does not know (for teaching it).
  function leadLabels(def) {
    return [new URLSearchParams(location.search).get('idLabel') || def.idLabel, '订单编号', '买家', '申请时间'];
  }
  function rowOf(def, vo) {
    return leadCells(def, vo).concat(def.cells(vo), flags(vo).length ? [el('div', null, flags(vo))] : [el('div')]);
  }
  function labelsOf(def) {
    return leadLabels(def).concat(def.columns, ['标记']);
  }
  var LAYOUTS = {
    table: function (def, shown) {
      return el('table', C.grid, [
        el('thead', null, [
          el(
            'tr',
            null,
            labelsOf(def).map(function (l) {
              return el('th', null, [l]);
            }),
          ),
        ]),
        el(
          'tbody',
          null,
          shown.map(function (vo) {
            return el(
              'tr',
              null,
              rowOf(def, vo).map(function (c) {
                return el('td', null, [c]);
              }),
            );
          }),
        ),
      ]);
    },
    split: function (def, shown) {
      var th = function (l) {
        return el('th', 'next-table-header-node', [el('div', 'next-table-cell-wrapper', [l])]);
      };
      var td = function (c) {
        return el('td', 'next-table-cell', [el('div', 'next-table-cell-wrapper', [c])]);
      };
      var main = el('div', 'next-table-inner', [
        el('div', 'next-table-header', [
          el('table', null, [el('thead', null, [el('tr', null, labelsOf(def).map(th))])]),
        ]),
        el('div', 'next-table-body', [
          el('table', null, [
            el(
              'tbody',
              null,
              shown.map(function (vo) {
                return el('tr', 'next-table-row', rowOf(def, vo).map(td));
              }),
            ),
          ]),
        ]),
      ]);
      var lock = el('div', 'next-table-lock next-table-lock-left', [
        el('div', 'next-table-header', [el('table', null, [el('thead', null, [el('tr', null, [th(def.idLabel)])])])]),
        el('div', 'next-table-body', [
          el('table', null, [
            el(
              'tbody',
              null,
              shown.map(function (vo) {
                return el('tr', 'next-table-row', [td(leadCells(def, vo)[0])]);
              }),
            ),
          ]),
        ]),
      ]);
      return el('div', 'next-table ' + C.grid, [main, lock]);
    },
    grid: function (def, shown) {
      return el(
        'div',
        C.grid,
        [
          el(
            'div',
            null,
            [
              el(
                'div',
                null,
                labelsOf(def).map(function (l) {
                  return el('div', null, [l], { role: 'columnheader' });
                }),
                { role: 'row' },
              ),
            ],
            { role: 'rowgroup' },
          ),
          el(
            'div',
            null,
            shown.map(function (vo) {
              return el(
                'div',
                null,
                rowOf(def, vo).map(function (c) {
                  return el('div', null, [c], { role: 'gridcell' });
                }),
                { role: 'row' },
              );
            }),
            { role: 'rowgroup' },
          ),
        ],
        { role: 'grid' },
      );
    },
  };

  // ---- the real Fusion Table -------------------------------------------------------------------
  // The same rows drawn by @alifd/next's Table under React (the bundle the backend builds from
  // fusion/list.jsx): `fusion`, the lists' default, is list mode (Table.GroupHeader with the record's 退款编号 / 订单编号 /
  // 申请时间 / 买家, one record per group, selection, fixed header), `fusion-plain` a fixed-header table
  // whose id is a column, `fusion-lock` the same with the id column locked left and 操作 right.
  // ?bodyHeight= gives the body a maximum height (it scrolls inside). `?layout=hand` is the demo's
  // earlier hand-written list mode (the same group header and cells, no library).
  var FUSION_LAYOUTS = ['fusion', 'fusion-plain', 'fusion-lock'];
  var HAND_LAYOUT = 'hand';
  var fusionReady = null;
  var fusionHost = null;
  var fusionDraws = 0;
  function loadFusion() {
    if (!fusionReady)
      fusionReady = new Promise(function (resolve, reject) {
        var pending = 2;
        function done() {
          if (--pending === 0) resolve();
        }
        var link = el('link', null, [], { rel: 'stylesheet', href: '/demo-assets/fusion.css' });
        var script = el('script', null, [], { src: '/demo-assets/fusion.js' });
        link.onload = script.onload = done;
        link.onerror = script.onerror = reject;
        document.head.appendChild(link);
        document.head.appendChild(script);
      });
    return fusionReady;
  }
  function unmountFusion() {
    if (fusionHost) window.__QN_FUSION__.unmount(fusionHost);
    fusionHost = null;
  }
  function drawFusion(listHost, fusionLayout, def, shown) {
    // One React root for the list while it is shown: a redraw is a React update, as on the real page.
    if (!fusionHost) fusionHost = el('div', C.fusionHost);
    listHost.appendChild(fusionHost);
    window.__QN_FUSION__.render(fusionHost, {
      layout: fusionLayout,
      cls: C,
      idLabel: leadLabels(def)[0],
      groupColumns: def.columns,
      flatColumns: labelsOf(def),
      bodyHeight: new URLSearchParams(location.search).get('bodyHeight'),
      rows: shown.map(function (vo) {
        return {
          id: vo.disputeId,
          order: vo.bizOrderId,
          orderHref: 'https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=' + vo.bizOrderId,
          buyer: vo.buyerNick,
          applied: chinaTime(vo.gmtApply),
          flags: flags(vo),
          cells: fusionLayout === 'fusion' ? def.cells(vo) : rowOf(def, vo),
        };
      }),
    });
  }

  // ---- workbench -----------------------------------------------------------------------------
  function renderWorkbench() {
    loading('workbench');
    var started = location.href;
    Promise.all([fetchJson(API + 'statistic/1.0/'), fetchList('')]).then(function (r) {
      setTimeout(
        function () {
          if (location.href !== started) return;
          var stats = r[0].data.stats;
          var cards = el(
            'div',
            C.cards,
            Object.keys(stats).map(function (k) {
              return el('div', C.card, [el('div', C.cardValue, [String(stats[k])]), el('div', C.cardLabel, [k])]);
            }),
          );
          var now = Date.now();
          var soon = r[1]
            .filter(function (vo) {
              return vo.timeoutAt && vo.timeoutAt - now < 24 * H && vo.timeoutAt > now;
            })
            .sort(function (a, b) {
              return a.timeoutAt - b.timeoutAt;
            });
          var list = el(
            'div',
            C.section,
            [el('div', C.sectionTitle, ['即将超时（24小时内）'])].concat(
              soon.map(function (vo) {
                return el('div', C.tlItem, [
                  el('a', C.btnLink, [vo.bizClaimType + ' ' + vo.disputeId], {
                    href: LISTS[kindOf(vo)].detail + '?disputeId=' + vo.disputeId + '&type=1',
                    'data-spa': '1',
                  }),
                  '  ',
                  el('span', C.countdown, [countdownLine(vo)]),
                ]);
              }),
            ),
          );
          mount(frame('workbench', el('div', null, [el('div', C.sectionTitle, ['售后工作台']), cards, list])));
        },
        300 + Math.random() * 300,
      );
    });
  }

  // ---- detail --------------------------------------------------------------------------------
  function renderDetail(kindKey) {
    var id = new URLSearchParams(location.search).get('disputeId');
    loading(kindKey);
    var started = location.href;
    fetchJson(API + 'disputedetail/1.0/?disputeId=' + encodeURIComponent(id || '') + DATA_OPTS).then(function (res) {
      setTimeout(
        function () {
          if (location.href !== started) return;
          var vo = res.data && res.data.resultData && res.data.resultData.demoView;
          if (!vo) {
            mount(frame(kindKey, el('div', C.empty, ['售后单不存在或无权查看'])));
            return;
          }
          var def = LISTS[kindOf(vo)];
          function kv(k, v) {
            return v == null || v === ''
              ? null
              : el('div', C.pair, [el('span', C.k, [k + '：']), el('span', C.v, [v])]);
          }
          var cd = el('div', C.countdown, [countdownLine(vo) || '']);
          var statusSection = el('div', C.section, [
            el('div', C.sectionTitle, ['当前状态：' + vo.statusDesc]),
            vo.timeoutAt ? cd : null,
            el('div', null, [
              el('button', C.btn + ' ' + C.btnPrimary, [kindOf(vo) === 'exchange' ? '同意换货' : '同意退款'], {
                type: 'button',
              }),
              ' ',
              el('button', C.btn, ['拒绝退款'], { type: 'button' }),
              ' ',
              el('button', C.btn, ['上传凭证'], { type: 'button' }),
            ]),
          ]);
          statusSection.querySelectorAll('button').forEach(function (b) {
            b.addEventListener('click', function () {
              toast('演示：' + b.textContent + '（未真正提交）');
            });
          });
          var info = el('div', C.section, [
            el('div', C.sectionTitle, ['售后信息']),
            el('div', C.kv, [
              kv(def.idLabel, vo.disputeId),
              kv('订单编号', vo.bizOrderId),
              kv('买家', vo.buyerNick),
              kv('售后类型', typeText(vo)),
              kv('发货状态', vo.orderShipped ? '已发货' : '未发货'),
              kv('货物状态', goodsText(vo)),
              kindOf(vo) === 'postage'
                ? kv('邮费金额', yuan(vo.disputeBodyVO.postFee))
                : kindOf(vo) === 'refund'
                  ? kv('退款金额', yuan(vo.disputeBodyVO.refundFee))
                  : null,
              kv('实付款', yuan(vo.disputeBodyVO.buyerActualFee)),
              kv(kindOf(vo) === 'exchange' ? '换货原因' : '退款原因', vo.reason),
              kv('申请时间', chinaTime(vo.gmtApply)),
              kv('付款时间', chinaTime(vo.gmtPay)),
              kv('发货时间', chinaTime(vo.gmtConsign)),
              kv('签收时间', chinaTime(vo.gmtSign)),
              kv('宝贝', vo.auctionTitle),
            ]),
            el('div', null, flags(vo)),
          ]);
          var logi = vo.logistics
            ? el('div', C.section, [
                el('div', C.sectionTitle, ['退货物流信息']),
                el('div', C.kv, [
                  kv('物流公司', vo.logistics.carrier),
                  kv('运单号', vo.logistics.number),
                  kv('物流状态', vo.logistics.state),
                  kv('寄出时间', chinaTime(vo.logistics.shippedAt)),
                  kv('签收时间', chinaTime(vo.logistics.signedAt)),
                ]),
              ])
            : null;
          var tl = el(
            'ul',
            C.timeline,
            vo.history
              .slice()
              .reverse()
              .map(function (h) {
                return el('li', C.tlItem, [
                  el('span', C.tlTime, [chinaTime(h.at)]),
                  el('b', null, [h.actor]),
                  ' ',
                  h.text,
                ]);
              }),
          );
          var textarea = el('textarea', C.textarea, [], {
            placeholder: '请输入留言内容，买家可见',
            maxlength: '500',
            'aria-label': '留言',
          });
          textarea.value = state.message;
          var counter = el('div', C.counter, [state.message.length + '/500']);
          // Controlled input: the page's state follows input events, and the DOM follows the state.
          textarea.addEventListener('input', function () {
            state.message = textarea.value;
            counter.textContent = state.message.length + '/500';
          });
          var sendBtn = el('button', C.btn + ' ' + C.btnPrimary, ['发送留言'], { type: 'button' });
          sendBtn.addEventListener('click', function () {
            toast('演示：留言未真正发送');
          });
          var reply = el('div', C.section, [el('div', C.sectionTitle, ['留言 / 协商']), textarea, counter, sendBtn]);
          var history = el('div', C.section, [el('div', C.sectionTitle, ['协商历史']), tl]);
          mount(frame(kindKey, el('div', C.detail, [statusSection, info, logi, reply, history])));
          timers.push(
            setInterval(function () {
              cd.textContent = countdownLine(vo) || '';
              if (textarea.value !== state.message) textarea.value = state.message;
            }, 1000),
          );
        },
        300 + Math.random() * 400,
      );
    });
  }

  function renderIframeShell() {
    mount(
      frame(
        'refund',
        el('iframe', C.frame, [], { src: '/home.htm/trade-platform/refund-list?embed=1', title: '退款管理' }),
      ),
    );
  }

  function route() {
    clearTimers();
    var p = location.pathname.replace(/\/+$/, '');
    if (p.endsWith('/trade-platform/refund-workbench')) return renderWorkbench();
    if (p.endsWith('/trade-platform/refund-list/detail')) return renderDetail('refund');
    if (p.endsWith('/trade-platform/exchange-list/detail')) return renderDetail('exchange');
    if (p.endsWith('/trade-platform/refund-list')) return renderList('refund');
    if (p.endsWith('/trade-platform/exchange-list')) return renderList('exchange');
    if (p.endsWith('/trade-platform/postage-list')) return renderList('postage');
    if (p.endsWith('/trade-platform/tp/refund-list')) return renderIframeShell();
    mount(frame('', el('div', C.empty, ['该页面在演示后台中没有内容'])));
  }
  route();
})();

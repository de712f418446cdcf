// run.mjs: browser tests of the HTML pages (issue 6 item 7). playwright-core drives Debian's
// chromium (/usr/bin/chromium, or $CHROMIUM) against the private stack tests/run-tests started
// ($MARKET_TEST_URL); axe-core checks every page visited, signed in and out, and any violation
// fails that step. Mail is read from the SMTP sink's files ($MARKET_TEST_MAIL_DIR). Screenshots of
// each page at phone and desktop width go to $MARKET_VAR/screenshots-<time>/ (printed).
// Last line: `browser: N passed, N failed`.
import { chromium } from 'playwright-core';
import { createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const BASE = process.env.MARKET_TEST_URL;
const MAIL_DIR = process.env.MARKET_TEST_MAIL_DIR;
const VAR = process.env.MARKET_VAR || tmpdir();
if (!BASE || !MAIL_DIR) {
  console.error('run.mjs: MARKET_TEST_URL and MARKET_TEST_MAIL_DIR must be set (tests/run-tests does)');
  console.log('browser: 0 passed, 1 failed');
  process.exit(1);
}
const SHOTS = join(VAR, `screenshots-${new Date().toISOString().replace(/[:.]/g, '-')}`);
mkdirSync(SHOTS, { recursive: true });
console.log(`browser: screenshots in ${SHOTS}`);

const PASSWORD = 'Wholesale-Crate-42';
const NEW_PASSWORD = 'Crate-Wholesale-77';
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

let passed = 0;
let failed = 0;
const shot = new Set();

async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e && e.stack || e).split('\n').slice(0, 6).join('\n  ')}`);
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

// axe-core on the page as it is now; throws with the violations. Evaluated through the
// DevTools protocol, so the page's CSP (no inline script) stays on and is tested too.
async function axe(page, label) {
  await page.evaluate(axeSource);
  const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  if (r.violations.length) {
    const text = r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    throw new Error(`axe on ${label}: ${text.join('; ')}`);
  }
}

// Axe on the page as it is, and its screenshots at both widths (once per page name and state).
async function axeAndShots(page, name) {
  await axe(page, name);
  if (!shot.has(name)) {
    shot.add(name);
    const size = page.viewportSize();
    for (const [w, vp] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(vp);
      await page.screenshot({ path: join(SHOTS, `${name}-${w}.png`), fullPage: true });
    }
    await page.setViewportSize(size);
  }
}

// Check the page just loaded: status, CSP header, axe, screenshots at both widths (once per
// page name and state).
async function check(page, response, name) {
  assert(response, `${name}: no response`);
  if (response.status() >= 400) {
    const said = await page.locator('main').innerText().catch(() => '');
    assert(false, `${name}: HTTP ${response.status()}: ${said.slice(0, 300)}`);
  }
  const csp = response.headers()['content-security-policy'] || '';
  assert(/script-src 'self' 'nonce-[0-9a-f]{32}'/.test(csp), `${name}: CSP without a nonce: ${csp}`);
  await axeAndShots(page, name);
}

async function visit(page, path, name) {
  const res = await page.goto(BASE + path);
  await check(page, res, name);
  return res;
}

// Submit a form by clicking its button and wait for the page that follows; check it too.
async function submit(page, button, name) {
  const [res] = await Promise.all([page.waitForNavigation(), button.click()]);
  await check(page, res, name);
  return res;
}

// ---- mail from the SMTP sink -------------------------------------------------------------------

function decodeQP(s) {
  return s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

const seenMail = new Set();
async function waitMail(to, pattern, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const f of readdirSync(MAIL_DIR).filter((n) => n.endsWith('.eml')).sort()) {
      const path = join(MAIL_DIR, f);
      if (seenMail.has(path)) continue;
      const text = readFileSync(path, 'latin1');
      // The sink's first line names the envelope; a .eml outbox file has only its headers.
      const head = text.split(/\r?\n\r?\n/, 1)[0].toLowerCase();
      if (!head.includes(to.toLowerCase())) continue;
      const m = decodeQP(text).match(pattern);
      if (m) {
        seenMail.add(path);
        return m[0];
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} matching ${pattern} within ${timeoutMs} ms`);
}

// ---- TOTP (RFC 6238: HMAC-SHA1, 30 s, 6 digits) --------------------------------------------------

function base32(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of s.replace(/[=\s]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function totp(secret, t = Date.now()) {
  const step = Math.floor(t / 1000 / 30);
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', base32(secret)).update(msg).digest();
  const o = h[h.length - 1] & 15;
  const n = ((h[o] & 127) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1000000).padStart(6, '0');
}

// ---- the flows ---------------------------------------------------------------------------------

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // Playwright starts chromium with a fresh --user-data-dir of its own (a new temporary
  // profile per launch; passing one is refused outside launchPersistentContext).
});
const newContext = () => browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });

const email = `browser-${Date.now()}-${process.pid}@example.com`;
const ctx = await newContext();
const page = await ctx.newPage();
let secret = '';

await step('signed out: home, sign-in, sign-up, forgot-password pages pass axe', async () => {
  await visit(page, '/', 'home');
  await visit(page, '/sign-in', 'sign-in');
  await visit(page, '/sign-up', 'sign-up');
  await visit(page, '/forgot-password', 'forgot-password');
});

await step('catalog: list, search, product and shop pages pass axe; the filters work', async () => {
  await visit(page, '/products', 'catalog');
  const n = await page.locator('.product-card').count();
  assert(n === 24, `catalog shows ${n} cards`);
  await page.fill('#f-q', 'shirt');
  await page.selectOption('#f-sort', 'PRICE_LOW_TO_HIGH');
  await submit(page, page.locator('form.filters button[type=submit]'), 'catalog-search');
  assert(new URL(page.url()).searchParams.get('q') === 'shirt', `search URL ${page.url()}`);
  const prices = await page.locator('.product-card .price').allInnerTexts();
  const paid = prices.map((t) => parseFloat(t.replace(/[^0-9.]+/g, ' ').trim().split(' ')[0]));
  for (let i = 1; i < paid.length; i++) assert(paid[i - 1] <= paid[i], `not by price: ${prices.join(' | ')}`);
  const [res] = await Promise.all([page.waitForNavigation(), page.locator('.product-card a.product-link').first().click()]);
  await check(page, res, 'product');
  assert(/^\/products\/\d+$/.test(new URL(page.url()).pathname), `product URL ${page.url()}`);
  const title = await page.title();
  assert(title.startsWith(await page.locator('h1').innerText()), `title ${title}`);
  const [shopRes] = await Promise.all([page.waitForNavigation(), page.locator('.facts a[href^="/shops/"]').click()]);
  await check(page, shopRes, 'shop');
  assert(await page.locator('.product-card').count() > 0, 'the shop lists no products');
});

await step('error pages come in the layout: 404 passes axe', async () => {
  const res = await page.goto(BASE + '/no-such-page');
  assert(res.status() === 404, `status ${res.status()}`);
  assert(await page.locator('h1').innerText() === 'Page not found', 'no 404 heading');
  await axe(page, '404');
  await page.screenshot({ path: join(SHOTS, 'error-404-desktop.png') });
});

await step('sign-up with a mismatched password shows the error next to the field, input kept', async () => {
  await visit(page, '/sign-up', 'sign-up');
  await page.fill('#f-firstName', 'Bea');
  await page.fill('#f-lastName', 'Browser');
  await page.fill('#f-email', email);
  await page.fill('#f-password1', PASSWORD);
  await page.fill('#f-password2', PASSWORD + 'x');
  await page.check('#f-termsAccepted');
  const [res] = await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
  assert(res.status() === 422, `status ${res.status()}`);
  await axe(page, 'sign-up with errors');
  assert(await page.inputValue('#f-email') === email, 'email not kept');
  assert(await page.locator('.error-summary').count() === 1, 'no error summary');
  assert(await page.locator('#f-password1[aria-invalid=true], #f-password2[aria-invalid=true]').count() >= 1,
    'no field marked invalid');
  await page.screenshot({ path: join(SHOTS, 'sign-up-errors-desktop.png'), fullPage: true });
});

await step('sign up, then verify the email with the link from the mail', async () => {
  await page.fill('#f-password1', PASSWORD);
  await page.fill('#f-password2', PASSWORD);
  await page.check('#f-termsAccepted');
  await submit(page, page.locator('form.form button[type=submit]'), 'account');
  assert(page.url() === BASE + '/account', `landed on ${page.url()}`);
  assert(await page.locator('.flash').count() === 1, 'no flash after sign-up');
  const link = await waitMail(email, /http:\/\/[^\s"<>]+\/verify-email\?token=[0-9a-f]+/);
  await visit(page, link.replace(/^http:\/\/[^/]+/, ''), 'verify-email');
  await submit(page, page.locator('form.form button[type=submit]'), 'account');
  assert(/confirmed/.test(await page.locator('.flash').innerText()), 'no confirmation flash');
  assert(await page.locator('.badge.ok').count() >= 1, 'email not shown as verified');
});

await step('sign out, then sign in with email and password', async () => {
  await submit(page, page.locator('header form button'), 'home-signed-out');
  assert(await page.locator('a[href="/sign-in"]').count() >= 1, 'still signed in');
  await visit(page, '/sign-in', 'sign-in');
  await page.fill('#f-email', email);
  await page.fill('#f-password', PASSWORD);
  await submit(page, page.locator('form.form button[type=submit]'), 'account');
  assert(page.url() === BASE + '/account', `landed on ${page.url()}`);
});

await step('signed in: profile, addresses, payment methods, sessions, security pages pass axe', async () => {
  await visit(page, '/account/profile', 'profile');
  await page.fill('#f-city', 'Lisbon');
  await submit(page, page.getByRole('button', { name: 'Save changes' }), 'profile');
  assert(await page.inputValue('#f-city') === 'Lisbon', 'profile not saved');
  // A 16x16 PNG as the profile picture, sent by the page's multipart form.
  await page.setInputFiles('#f-picture', { name: 'me.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGM4EaBBEmIY1TCqYfhqAAC/xkAQB0UFtwAAAABJRU5ErkJggg==', 'base64') });
  await submit(page, page.locator('section.picture button[type=submit]'), 'profile-picture');
  assert(await page.locator('img.avatar').count() === 1, 'no profile picture after the upload');
  const src = await page.locator('img.avatar').getAttribute('src');
  const img = await page.request.get(src);
  assert(img.status() === 200 && img.headers()['content-type'] === 'image/png', `picture ${src}: ${img.status()}`);
  await visit(page, '/account/addresses', 'addresses');
  await page.fill('#f-name', 'Warehouse');
  await page.fill('#f-phoneNumber', '+351 210 000 000');
  await page.fill('#f-streetAddress', 'Rua Augusta 1');
  await page.fill('#f-postalCode', '1100-048');
  await page.fill('#f-city', 'Lisbon');
  await submit(page, page.locator('form.form button[type=submit]'), 'addresses-one');
  assert(await page.locator('.cards .card').count() === 1, 'address not listed');
  const [edit] = await Promise.all([page.waitForNavigation(), page.locator('.cards .card a.button').first().click()]);
  await check(page, edit, 'address-edit');
  assert(await page.inputValue('#f-streetAddress') === 'Rua Augusta 1', 'the edit form is not filled in');
  await page.fill('#f-streetAddress', 'Rua Augusta 2');
  await submit(page, page.locator('#address-form + form button[type=submit]'), 'addresses-changed');
  assert((await page.locator('.cards .card').first().innerText()).includes('Rua Augusta 2'), 'address not changed');
  await visit(page, '/account/payment-methods', 'payment-methods');
  await page.fill('#f-cardHolderName', 'Ada Lovelace');
  await page.fill('#f-cardNumber', '4242 4242 4242 4242');
  await page.fill('#f-expiryMonth', '12');
  await page.fill('#f-expiryYear', String(new Date().getUTCFullYear() + 2));
  await page.fill('#f-cvv', '123');
  await submit(page, page.locator('#card-form + form button[type=submit]'), 'payment-methods-one');
  const [cardEdit] = await Promise.all([page.waitForNavigation(), page.locator('.cards .card a.button').first().click()]);
  await check(page, cardEdit, 'payment-method-edit');
  await page.fill('#f-expiryMonth', '6');
  await submit(page, page.locator('#card-form + p + form button[type=submit]'), 'payment-methods-changed');
  assert((await page.locator('.cards .card').first().innerText()).includes('6/'), 'card expiry not changed');
  await visit(page, '/account/sessions', 'sessions');
  await visit(page, '/account/security', 'security');
});

await step('cart: add from the product page, change the quantity, see the vendor minimum, remove', async () => {
  await visit(page, '/products?q=shirt&inStock=on', 'catalog-shirts');
  const [res] = await Promise.all([page.waitForNavigation(), page.locator('.product-card a.product-link').first().click()]);
  await check(page, res, 'product-signed-in');
  const productPath = new URL(page.url()).pathname;
  const min = parseInt(await page.inputValue('#f-quantity'), 10);
  await submit(page, page.locator('form.add-to-cart button[type=submit]'), 'cart');
  assert(new URL(page.url()).pathname === '/cart', `after add: ${page.url()}`);
  assert(await page.locator('.cart-group').count() === 1, 'no vendor group in the cart');
  const qty = page.locator('.cart-group input[name=quantity]').first();
  assert(parseInt(await qty.inputValue(), 10) === min, 'the line does not hold the minimum order');
  const step = parseInt(await qty.getAttribute('step'), 10) || 1;
  await qty.fill(String(min + step));
  await submit(page, page.locator('.cart-group form.qty button[type=submit]').first(), 'cart-updated');
  assert(parseInt(await page.locator('.cart-group input[name=quantity]').first().inputValue(), 10) === min + step, 'quantity not changed');
  await submit(page, page.locator('.cart-group button.link').first(), 'cart-empty');
  assert(await page.locator('.cart-group').count() === 0, 'the line was not removed');
  // Saved for later from the product page, listed on /wishlist, removed again.
  await visit(page, productPath, 'product-signed-in');
  await submit(page, page.getByRole('button', { name: 'Save for later' }), 'wishlist');
  assert(new URL(page.url()).pathname === '/wishlist', `after save: ${page.url()}`);
  assert(await page.locator('.wish-actions').count() === 1, 'the product is not saved');
  await submit(page, page.locator('.wish-actions button.link').first(), 'wishlist-empty');
  assert(await page.locator('.wish-actions').count() === 0, 'the product was not removed');
});

await step('selling: a buyer opens a shop, sees its checklist and saves its settings', async () => {
  await visit(page, '/sell', 'sell-buyer');
  await submit(page, page.getByRole('button', { name: 'Start selling' }), 'sell');
  assert(await page.locator('.steps li').count() === 6, 'no onboarding checklist');
  assert(await page.locator('.steps li.done').count() === 1, 'only the verified email should be done');
  await page.fill('#f-shopDescription', 'Glass jars by the crate.');
  await page.fill('#f-shopCity', 'Leeds');
  await page.fill('#f-shopCountry', 'United Kingdom');
  await submit(page, page.getByRole('button', { name: 'Save changes' }), 'sell-saved');
  assert(await page.locator('.steps li.done').count() === 3, 'description and address not ticked');
  assert(await page.inputValue('#f-shopCity') === 'Leeds', 'the settings were not kept');
  // Back to buying, so the flows after this one see a buyer.
  const r = await page.evaluate(async () => {
    const csrf = document.querySelector('meta[name=csrf-token]').content;
    const res = await fetch('/graphql/', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify({ query: 'mutation { switchAccountType(accountType: "CUSTOMER") { success } }' }) });
    return res.json();
  });
  assert(r.data.switchAccountType.success, `switch back: ${JSON.stringify(r)}`);
});

await step('language switcher: German by choice, remembered, dates per language', async () => {
  await visit(page, '/account/sessions', 'sessions');
  await page.selectOption('#lang-select', 'de');
  await submit(page, page.locator('.lang-switch button'), 'sessions-de');
  assert(await page.getAttribute('html', 'lang') === 'de', 'page not German');
  const when = await page.locator('tbody tr td').nth(2).innerText();
  assert(/^\d\d\.\d\d\.\d{4}, \d\d:\d\d UTC$/.test(when), `German date format: ${when}`);
  await visit(page, '/account', 'account-de');
  assert(await page.getAttribute('html', 'lang') === 'de', 'choice not remembered');
  await page.selectOption('#lang-select', 'en');
  await submit(page, page.locator('.lang-switch button'), 'account');
  assert(await page.getAttribute('html', 'lang') === 'en', 'page not English again');
});

await step('sessions: another browser signs in, this one signs it out', async () => {
  const other = await newContext();
  const p2 = await other.newPage();
  await visit(p2, '/sign-in', 'sign-in');
  await p2.fill('#f-email', email);
  await p2.fill('#f-password', PASSWORD);
  await submit(p2, p2.locator('form.form button[type=submit]'), 'account');
  await visit(page, '/account/sessions', 'sessions-two');
  const rows = page.locator('tbody tr');
  assert(await rows.count() === 2, `sessions listed: ${await rows.count()}`);
  await submit(page, page.locator('tbody tr:not(.current) form button'), 'sessions');
  assert(await page.locator('tbody tr').count() === 1, 'the other session is still listed');
  const r = await p2.goto(BASE + '/account');
  assert(p2.url().startsWith(BASE + '/sign-in'), `the signed-out browser reached ${p2.url()} (${r.status()})`);
  await other.close();
});

await step('forgot password, reset with the link from the mail, sign in with the new one', async () => {
  const anon = await newContext();
  const p3 = await anon.newPage();
  await visit(p3, '/forgot-password', 'forgot-password');
  await p3.fill('#f-email', email);
  await submit(p3, p3.locator('form.form button[type=submit]'), 'forgot-password-sent');
  assert(await p3.locator('.flash').count() === 1, 'no flash');
  const link = await waitMail(email, /http:\/\/[^\s"<>]+\/reset-password\?token=[0-9a-f]+/);
  await visit(p3, link.replace(/^http:\/\/[^/]+/, ''), 'reset-password');
  await p3.fill('#f-newPassword', NEW_PASSWORD);
  await submit(p3, p3.locator('form.form button[type=submit]'), 'sign-in');
  await p3.fill('#f-email', email);
  await p3.fill('#f-password', NEW_PASSWORD);
  await submit(p3, p3.locator('form.form button[type=submit]'), 'account');
  assert(p3.url() === BASE + '/account', `landed on ${p3.url()}`);
  // The reset ended every session, the first browser's too.
  await page.goto(BASE + '/account');
  assert(page.url().startsWith(BASE + '/sign-in'), 'old session survived the reset');
  await anon.close();
});

await step('two-factor: enable with the QR page, sign in again with a computed code', async () => {
  await visit(page, '/sign-in', 'sign-in');
  await page.fill('#f-email', email);
  await page.fill('#f-password', NEW_PASSWORD);
  await submit(page, page.locator('form.form button[type=submit]'), 'account');
  await visit(page, '/account/security', 'security');
  await submit(page, page.locator('form.form button[type=submit]').first(), 'security-enable');
  assert(await page.locator('img.qr[src^="data:image/"]').count() === 1, 'no QR code');
  secret = (await page.locator('#totp-secret').innerText()).trim();
  assert(/^[A-Z2-7]+=*$/.test(secret), `secret ${secret}`);
  await page.fill('#f-code', totp(secret));
  await submit(page, page.locator('form.form button[type=submit]').first(), 'security-on');
  assert(await page.locator('#f-password').count() === 1, 'two-factor not shown as on');
  await submit(page, page.locator('header form button'), 'home-signed-out');
  // A code is accepted once: wait for the next 30-second step.
  await new Promise((r) => setTimeout(r, 30000 - (Date.now() % 30000) + 500));
  await visit(page, '/sign-in', 'sign-in');
  await page.fill('#f-email', email);
  await page.fill('#f-password', NEW_PASSWORD);
  await submit(page, page.locator('form.form button[type=submit]'), 'sign-in-code');
  assert(await page.locator('#f-otpCode').count() === 1, 'no code step');
  await page.fill('#f-otpCode', totp(secret));
  await submit(page, page.locator('form.form button[type=submit]'), 'account');
  assert(page.url() === BASE + '/account', `landed on ${page.url()}`);
});

await step('stock: a vendor records a delivery on its product page and sees it in the ledger', async () => {
  const line = readFileSync(join(VAR, 'demo-logins.txt'), 'utf8').split('\n').find((l) => l.startsWith('vendor '));
  assert(line, 'no demo vendor in demo-logins.txt');
  const [, vEmail, vPassword] = line.trim().split(/\s+/);
  const vctx = await newContext();
  const vp = await vctx.newPage();
  await visit(vp, '/sign-in', 'sign-in');
  await vp.fill('#f-email', vEmail);
  await vp.fill('#f-password', vPassword);
  await submit(vp, vp.locator('form.form button[type=submit]'), 'account');
  await visit(vp, '/sell', 'sell-vendor');
  const [res] = await Promise.all([vp.waitForNavigation(), vp.locator('table a[href^="/sell/items/"]').first().click()]);
  await check(vp, res, 'sell-item');
  const stockOf = async () => parseInt(await vp.locator('table tbody tr td.num').first().innerText(), 10);
  const before = await stockOf();
  const form = vp.locator('form.move').first();
  await form.locator('input[name=change]').fill('5');
  await form.locator('select[name=reason]').selectOption('received');
  await form.locator('input[name=note]').fill('browser delivery');
  await submit(vp, form.locator('button[type=submit]'), 'sell-item-moved');
  assert(await stockOf() === before + 5, `stock ${await stockOf()} after +5 from ${before}`);
  assert((await vp.locator('table').nth(1).locator('tbody tr').first().innerText()).includes('browser delivery'), 'the ledger does not show the movement');
  // Taking more than there is: refused, nothing changes.
  const again = vp.locator('form.move').first();
  await again.locator('input[name=change]').fill(String(-(before + 1000000)));
  const [refused] = await Promise.all([vp.waitForNavigation(), again.locator('button[type=submit]').click()]);
  assert(refused.status() === 422, `a negative stock answered ${refused.status()}`);
  await axe(vp, 'sell-item-refused');
  assert(await vp.locator('.error-summary').count() === 1, 'no error for a negative stock');
  // Put it back as it was.
  await visit(vp, new URL(vp.url()).pathname, 'sell-item');
  const back = vp.locator('form.move').first();
  await back.locator('input[name=change]').fill('-5');
  await back.locator('select[name=reason]').selectOption('correction');
  await submit(vp, back.locator('button[type=submit]'), 'sell-item-moved');
  assert(await stockOf() === before, 'the correction did not restore the stock');
  await vctx.close();
});

await step('anonymous cart: add to cart signed out, sign in, the line is in the cart', async () => {
  const actx = await newContext();
  const ap = await actx.newPage();
  const aEmail = `browser-anon-${Date.now()}-${process.pid}@example.com`;
  // An account to sign in with later (signing up by page signs in: sign out again).
  await visit(ap, '/sign-up', 'sign-up');
  await ap.fill('#f-firstName', 'Ana');
  await ap.fill('#f-lastName', 'Nonymous');
  await ap.fill('#f-email', aEmail);
  await ap.fill('#f-password1', PASSWORD);
  await ap.fill('#f-password2', PASSWORD);
  await ap.check('#f-termsAccepted');
  await submit(ap, ap.locator('form.form button[type=submit]'), 'account');
  await submit(ap, ap.locator('header form button'), 'home-signed-out');
  // Signed out: add to the cart from the product page.
  await visit(ap, '/products?q=shirt&inStock=on', 'catalog-shirts');
  const [res] = await Promise.all([ap.waitForNavigation(), ap.locator('.product-card a.product-link').first().click()]);
  await check(ap, res, 'product');
  const name = (await ap.locator('h1').innerText()).trim();
  await submit(ap, ap.locator('form.add-to-cart button[type=submit]'), 'cart-anonymous');
  assert(new URL(ap.url()).pathname === '/cart', `after add: ${ap.url()}`);
  assert(await ap.locator('.cart-group').count() === 1, 'no line in the anonymous cart');
  assert((await ap.locator('.cart-group').innerText()).includes(name), `${name} not in the anonymous cart`);
  const cookie = (await actx.cookies()).find((c) => c.name === 'wm_cart');
  assert(cookie && cookie.httpOnly && cookie.sameSite === 'Lax', `cart cookie ${JSON.stringify(cookie)}`);
  // Sign in from the cart's link: the line is in the user's cart, the cookie gone.
  await submit(ap, ap.locator('p.note a[href^="/sign-in"]'), 'sign-in');
  await ap.fill('#f-email', aEmail);
  await ap.fill('#f-password', PASSWORD);
  await submit(ap, ap.locator('form.form button[type=submit]'), 'cart-merged');
  assert(new URL(ap.url()).pathname === '/cart', `after sign-in: ${ap.url()}`);
  assert(/cart from before you signed in/.test(await ap.locator('.flash').innerText()), 'no merge flash');
  assert((await ap.locator('.cart-group').innerText()).includes(name), `${name} not in the cart after sign-in`);
  assert(await ap.locator('p.note').count() === 0, 'still shown as signed out');
  assert(!(await actx.cookies()).some((c) => c.name === 'wm_cart'), 'the cart cookie is still there');
  await actx.close();
});

await step('products: a new vendor creates a product with an image, edits, duplicates and archives it', async () => {
  const word = `crate${Date.now().toString(36)}`;
  const vEmail = `browser-vendor-${Date.now()}-${process.pid}@example.com`;
  const pctx = await newContext();
  const pp = await pctx.newPage();
  pp.on('dialog', (d) => d.accept()); // the archive form asks first (app.js)
  await visit(pp, '/sign-up', 'sign-up');
  await pp.fill('#f-firstName', 'Vera');
  await pp.fill('#f-lastName', 'Vendor');
  await pp.fill('#f-email', vEmail);
  await pp.fill('#f-password1', PASSWORD);
  await pp.fill('#f-password2', PASSWORD);
  await pp.selectOption('#f-accountType', 'VENDOR');
  await pp.check('#f-termsAccepted');
  await submit(pp, pp.locator('form.form button[type=submit]'), 'account');
  const link = await waitMail(vEmail, /http:\/\/[^\s"<>]+\/verify-email\?token=[0-9a-f]+/);
  await visit(pp, link.replace(/^http:\/\/[^/]+/, ''), 'verify-email');
  await submit(pp, pp.locator('form.form button[type=submit]'), 'account');

  // New product: the fields and a real PNG on the file input; the script sends the form with
  // XMLHttpRequest, shows the progress bar, and the product's edit page takes the place of the form.
  await visit(pp, '/sell', 'sell-vendor-new');
  const [toNew] = await Promise.all([pp.waitForNavigation(), pp.locator('a[href="/sell/products/new"]').click()]);
  await check(pp, toNew, 'product-new');
  await pp.fill('#f-name', `Birch ${word}`);
  await pp.fill('#f-description', 'Stackable birch crates, sold by the case.');
  await pp.selectOption('#f-category', '674');
  await pp.selectOption('#f-condition', 'BRAND_NEW_WITH_TAGS');
  await pp.fill('#f-price', '24.00');
  await pp.setInputFiles('#f-images', { name: 'crate.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGM4EaBBEmIY1TCqYfhqAAC/xkAQB0UFtwAAAABJRU5ErkJggg==', 'base64') });
  await pp.evaluate(() => {
    window.sawProgress = false;
    document.addEventListener('submit', () => setTimeout(() => {
      const box = document.querySelector('.upload-progress');
      window.sawProgress = !!box && !box.hidden && !!box.querySelector('progress');
    }, 0));
  });
  await pp.locator('form.form button[type=submit]').click();
  await pp.locator('.flash').waitFor();
  assert(await pp.evaluate(() => window.sawProgress), 'the progress bar was not shown');
  const path = new URL(pp.url()).pathname;
  assert(/^\/sell\/products\/\d+$/.test(path), `after create: ${pp.url()}`);
  const id = path.split('/').pop();
  await axeAndShots(pp, 'product-edit-new');
  assert(await pp.locator('.thumbs img').count() === 1, 'the image is not shown');

  // On the vendor's list, and in the public search with its thumbnail.
  await visit(pp, '/sell', 'sell-with-product');
  assert(await pp.locator(`table a[href="/sell/products/${id}"]`).count() === 1, 'not on the /sell list');
  await visit(pp, `/products?q=${word}`, 'catalog-new-product');
  const card = pp.locator(`.product-card:has(a[href="/products/${id}"])`);
  assert(await card.count() === 1, 'not found in the search');
  const thumb = await card.locator('img').getAttribute('src');
  assert(thumb && thumb.includes('/media/'), `thumbnail ${thumb}`);
  const img = await pp.request.get(thumb);
  assert(img.status() === 200, `thumbnail ${thumb}: ${img.status()}`);

  // A price break (no files: the form posts as it is).
  await visit(pp, path, 'product-edit');
  await pp.fill('#f-tq-0', '10');
  await pp.fill('#f-tp-0', '20.00');
  await pp.fill('#f-minOrderQuantity', '5');
  // Its variant gets a size and units; a second one is added in the empty row.
  await pp.selectOption('#f-vz-0', 'M');
  await pp.fill('#f-vq-0', '4');
  await pp.selectOption('#f-vz-1', 'L');
  await pp.fill('#f-vc-1', 'Natural');
  await pp.fill('#f-vq-1', '6');
  await submit(pp, pp.getByRole('button', { name: 'Save changes' }), 'product-edit-saved');
  assert(await pp.inputValue('#f-tq-0') === '10' && await pp.inputValue('#f-tp-0') === '20.00', 'the price break was not saved');
  // The variants come back by SKU, the empty rows after them.
  const rows = await pp.locator('.row.variant').evaluateAll((els) => els.map((el) =>
    `${el.querySelector('select').value}:${el.querySelector('input[name$=".stockQuantity"]').value}`));
  assert(rows.includes('M:4') && rows.includes('L:6') && rows.length === 4, `the variants were not saved: ${rows.join(' ')}`);
  // A break above the price: refused, the rows kept, the error beside them.
  await pp.fill('#f-tp-0', '99.00');
  await pp.fill('#f-tq-1', '20');
  await pp.fill('#f-tp-1', '18.00');
  const [refused] = await Promise.all([pp.waitForNavigation(), pp.getByRole('button', { name: 'Save changes' }).click()]);
  assert(refused.status() === 422, `a break above the price answered ${refused.status()}`);
  await axe(pp, 'product-edit-refused');
  assert(await pp.locator('#e-priceTiers').count() === 1, 'no error beside the price breaks');
  assert(await pp.inputValue('#f-tp-0') === '99.00' && await pp.inputValue('#f-tq-1') === '20', 'the rows were not kept');

  // Duplicate: the copy's page.
  await visit(pp, path, 'product-edit');
  await submit(pp, pp.getByRole('button', { name: 'Duplicate' }), 'product-copy');
  const copyPath = new URL(pp.url()).pathname;
  assert(/^\/sell\/products\/\d+$/.test(copyPath) && copyPath !== path, `after duplicate: ${pp.url()}`);
  assert((await pp.locator('h1').innerText()).includes('(copy)'), 'not the copy');

  // Stock of the copy: a new location, a delivery, then units moved there.
  const copyId = copyPath.split('/').pop();
  await visit(pp, `/sell/items/${copyId}`, 'sell-item-locations');
  await pp.fill('#f-locationName', 'Shelf B');
  await submit(pp, pp.getByRole('button', { name: 'Add the location' }), 'sell-item-location-added');
  const move = pp.locator('form.move').first();
  await move.locator('input[name=change]').fill('3');
  await submit(pp, move.locator('button[type=submit]'), 'sell-item-moved');
  await pp.selectOption('#f-toLocationId', { label: 'Shelf B' });
  await pp.fill('#f-quantity', '2');
  await submit(pp, pp.getByRole('button', { name: 'Move', exact: true }), 'sell-item-transferred');
  assert((await pp.locator('table').first().innerText()).includes('Shelf B: 2'), 'the units did not move');

  // Archive the original: gone from the search (its copy stays).
  await visit(pp, path, 'product-edit');
  await submit(pp, pp.getByRole('button', { name: 'Archive' }), 'sell-archived');
  assert(new URL(pp.url()).pathname === '/sell', `after archive: ${pp.url()}`);
  await visit(pp, `/products?q=${word}`, 'catalog-after-archive');
  assert(await pp.locator(`a[href="/products/${id}"]`).count() === 0, 'the archived product is still found');
  assert(await pp.locator(`a[href="/products/${copyId}"]`).count() >= 1, 'the copy is not found');
  await pctx.close();
});

// Press Tab until the focused element matches selector (at most max times); every element
// reached on the way must show a visible focus ring.
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate((sel) => {
      const el = document.activeElement;
      if (!el || el === document.body) return { at: false, ring: true, what: 'body' };
      const st = getComputedStyle(el);
      const ring = (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0) || st.boxShadow !== 'none';
      return { at: el.matches(sel), ring, what: el.outerHTML.slice(0, 80) };
    }, selector);
    assert(state.ring, `no visible focus on ${state.what}`);
    if (state.at) return;
  }
  throw new Error(`${selector} not reached with ${max} presses of Tab`);
}

// Press Enter on the focused element and check the page that follows.
async function enter(page, name) {
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await check(page, res, name);
}

await step('keyboard only: skip link, search, a product, add to cart, with visible focus', async () => {
  const kctx = await newContext();
  const kp = await kctx.newPage();
  await visit(kp, '/', 'home-signed-out');
  await tabTo(kp, 'a.skip-link', 1); // the first stop of every page
  await kp.keyboard.press('Enter');
  assert(await kp.evaluate(() => document.activeElement.id === 'main'), 'the skip link did not reach the content');
  await tabTo(kp, '#home-q');
  await kp.keyboard.type('shirt');
  await enter(kp, 'catalog-keyboard');
  assert(new URL(kp.url()).searchParams.get('q') === 'shirt', `search by keyboard: ${kp.url()}`);
  await tabTo(kp, '#f-inStock'); // a filter: only what can be bought now
  await kp.keyboard.press('Space');
  await tabTo(kp, 'form.filters button[type=submit]');
  await enter(kp, 'catalog-keyboard-in-stock');
  assert(new URL(kp.url()).searchParams.get('inStock') === 'on', `filter by keyboard: ${kp.url()}`);
  await tabTo(kp, 'a.product-link');
  await enter(kp, 'product-keyboard');
  assert(/^\/products\/\d+$/.test(new URL(kp.url()).pathname), `product by keyboard: ${kp.url()}`);
  await tabTo(kp, 'form.add-to-cart button[type=submit]');
  await enter(kp, 'cart-keyboard');
  assert(new URL(kp.url()).pathname === '/cart', `add to cart by keyboard: ${kp.url()}`);
  assert(await kp.locator('.cart-group').count() === 1, 'the keyboard did not add the product');
  await kctx.close();
});

await browser.close();
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

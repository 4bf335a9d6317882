// The newcomer's journey, in a real browser: sign up, open the verification link from the
// mail folder, log in, edit the profile, switch to Arabic and check the page is right to left.
// Every page gets an accessibility audit (axe-core) and a screenshot in SCREENSHOTS.
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const base = process.env.BASE_URL;
const dataDir = process.env.DATA_DIR;
const shots = process.env.SCREENSHOTS || 'screenshots';
mkdirSync(shots, { recursive: true });

let failures = 0;
let passes = 0;
function check(condition, what) {
  if (condition) { passes++; console.log(`ok   ${what}`); }
  else { failures++; console.log(`FAIL ${what}`); }
}

async function audit(page, name) {
  // The site's CSP forbids injected scripts; the audit context bypasses it (see newContext).
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of serious) console.log(`     ${name}: ${v.id} — ${v.help} (${v.nodes.length})`);
  check(serious.length === 0, `${name}: no serious accessibility violations`);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

function waitForMail(to, timeoutMs = 15000) {
  const dir = join(dataDir, 'mail');
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      let files = [];
      try { files = readdirSync(dir).filter((f) => f.endsWith('.eml')); } catch { /* not yet */ }
      for (const f of files) {
        const text = readFileSync(join(dir, f), 'utf8');
        if (text.includes(`To: ${to}`)) return resolve(text);
      }
      if (Date.now() > deadline) return reject(new Error(`no mail to ${to}`));
      setTimeout(poll, 100);
    };
    poll();
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
});
const context = await browser.newContext({ bypassCSP: true, locale: 'en-US', viewport: { width: 1100, height: 900 } });
const page = await context.newPage();
const outside = [];
page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url()); });

try {
  const email = `newcomer-${Date.now()}@example.org`;
  const password = 'a long and memorable passphrase';

  await page.goto(`${base}/`);
  await audit(page, '01-home');

  await page.getByRole('link', { name: 'Join the network' }).first().click();
  await page.getByLabel('Display name').fill('Nour Haddad');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  check(await page.getByText('at least 10 characters').first().isVisible(), 'a short password is refused, naming the field');
  await audit(page, '02-sign-up-error');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/signup/check-email');
  check(await page.getByRole('heading', { name: 'Check your email' }).isVisible(), 'sign-up asks to check the mail');

  const mail = await waitForMail(email);
  const link = mail.split(/\s+/).find((w) => w.startsWith(`${base}/verify-email/`));
  check(Boolean(link), 'the mail folder holds a verification link');
  await page.goto(link);
  check(await page.getByRole('heading', { name: 'Your email address is confirmed' }).isVisible(), 'the link confirms the address');

  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await audit(page, '03-log-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/`);
  check(await page.getByRole('heading', { name: 'Welcome back, Nour Haddad' }).isVisible(), 'the member is signed in');

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('About you').fill('I organize **tenants** in Amman.');
  await page.getByLabel('Organizer').check();
  await page.getByLabel('Coaching', { exact: true }).selectOption('3');
  await page.getByLabel('Languages').fill('ar, en');
  await page.getByLabel('Time zone').fill('Asia/Amman');
  await page.getByRole('radio', { name: /^Public/ }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  check(await page.getByText('Your profile was saved.').isVisible(), 'the profile is saved');
  await audit(page, '04-profile-settings');

  await page.getByRole('link', { name: 'Nour Haddad' }).click();
  check(await page.locator('[data-test=bio] strong').innerText() === 'tenants', 'the bio renders its Markdown');
  await audit(page, '05-profile');

  // The first account is the network admin: it creates a node of practice.
  await page.getByRole('link', { name: 'Nodes' }).click();
  await page.getByRole('link', { name: 'Create a node' }).click();
  await page.getByLabel('Name').fill('Climate organizing in Jordan');
  await page.getByLabel('Web address').fill('climate-jordan');
  await page.getByRole('radio', { name: 'Domain' }).check();
  await page.getByRole('radio', { name: /^Public/ }).check();
  await page.getByRole('radio', { name: /^Open/ }).check();
  await page.getByRole('button', { name: 'Create a node' }).click();
  await page.waitForURL('**/nodes/climate-jordan');
  check(await page.getByText('You are a steward of this node.').isVisible(), 'the creator of a node is its steward');
  await audit(page, '05b-node');
  await page.getByRole('link', { name: 'Import a roster' }).click();
  await audit(page, '05c-import');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'people.csv', mimeType: 'text/csv',
    buffer: Buffer.from('\ufeffIme;E-mail\r\nМилица;milica@example.org\r\nأميرة;not-an-address\r\n'),
  });
  await page.getByRole('button', { name: 'Check the file' }).click();
  check(await page.getByText('1 new people would be invited.').isVisible(), 'a messy roster is checked row by row');
  await audit(page, '05d-import-check');
  await page.goto(`${base}/directory?language=ar`);
  check((await page.locator('[data-test=person]').count()) >= 1, 'the directory finds the member by language');
  await audit(page, '05e-directory');
  // The library: publish a worksheet, adapt it into Arabic, see the family, find both.
  await page.getByRole('link', { name: 'Library' }).first().click();
  await audit(page, '05f-library');
  await page.getByRole('link', { name: 'Publish an item' }).click();
  await page.getByRole('button', { name: 'Publish an item' }).click();
  check(await page.locator('[data-test=error-title]').isVisible(), 'a missing title is named');
  await page.getByLabel('Title').fill('One-on-one worksheet');
  await page.getByLabel('Kind').selectOption('worksheet');
  await page.getByLabel('Summary').fill('Plan, hold and follow up a relational meeting.');
  await page.getByLabel('Text', { exact: true }).fill('# Before\n\nWrite why you are meeting.\n\n| Heard | Values |\n|---|---|\n| | |');
  await page.getByLabel('Relationships').check();
  await page.getByLabel('Languages').fill('en');
  await page.getByRole('radio', { name: /^Public/ }).check();
  await audit(page, '05g-item-form');
  await page.getByRole('button', { name: 'Publish an item' }).click();
  await page.waitForURL(/\/library\/[0-9a-f-]{36}$/);
  check(await page.locator('.item-body table').isVisible(), 'the worksheet renders its table');
  await audit(page, '05h-item');
  await page.getByRole('link', { name: 'Adapt or translate' }).click();
  await page.getByLabel('Translated into (language code)').fill('ar');
  await page.getByLabel('Adapted to the context of').fill('Tenants’ committees in Amman');
  await page.getByLabel('Title').fill('ورقة عمل اللقاء الفردي');
  await page.getByLabel('Languages').fill('ar');
  await page.getByRole('button', { name: 'Adapt or translate' }).click();
  await page.waitForURL(/\/library\/[0-9a-f-]{36}$/);
  check(await page.locator('[data-test=adapted-from]').innerText().then((t) => t.includes('One-on-one worksheet')), 'the adaptation links to its original');
  await audit(page, '05i-adaptation');
  await page.getByRole('link', { name: 'Family tree' }).click();
  check(await page.locator('[data-test=family-row]').count() === 2, 'the family tree shows both');
  await audit(page, '05j-family');
  let found = 0;
  for (let i = 0; i < 20 && found < 2; i++) {
    await page.goto(`${base}/search?q=&practice=relationships&type=item`);
    found = await page.locator('[data-test=result]').count();
    if (found < 2) await page.waitForTimeout(100);
  }
  check(found === 2, 'both are found by search within two seconds');
  await audit(page, '05k-search');
  await page.goto(`${base}/search?q=meetings`);
  check(await page.locator('.snippet b').first().isVisible(), 'search highlights the word');

  // A workshop: created by the trainer (the first account is an admin), a session, a question.
  await page.getByRole('link', { name: 'Workshops' }).first().click();
  await audit(page, '05l-workshops');
  await page.getByRole('link', { name: 'Create a workshop' }).click();
  await page.getByLabel('Title').fill('Public narrative, Amman');
  await page.getByLabel('Public narrative').check();
  await page.getByRole('radio', { name: 'Hybrid' }).check();
  await page.getByLabel('Place').fill('Amman');
  await page.getByLabel('Time zone').fill('Asia/Amman');
  await page.getByLabel('Languages').fill('ar, en');
  await page.getByRole('radio', { name: /^Network members/ }).check();
  await audit(page, '05m-workshop-form');
  await page.getByRole('button', { name: 'Create a workshop' }).click();
  await page.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
  await page.getByLabel('Date').fill('2027-02-01');
  await page.getByLabel('Start (local time)').fill('18:00');
  await page.getByRole('button', { name: 'Add the session' }).click();
  check(await page.locator('[data-test=session]').count() === 1, 'a session is scheduled');
  await audit(page, '05n-workshop');
  await page.getByRole('link', { name: 'Application questions' }).click();
  await page.getByLabel('Question', { exact: true }).fill('Why do you want to take part?');
  await page.getByLabel('Answered with').selectOption('long');
  await page.getByRole('button', { name: 'Add the question' }).click();
  check(await page.locator('[data-test=participant-questions] li').count() === 1, 'a question is added');
  await audit(page, '05o-questions');
  await page.goBack();
  await page.goBack();
  await page.getByRole('link', { name: 'Apply to take part' }).click();
  await audit(page, '05p-apply');
  await page.getByLabel('Why do you want to take part?').fill('I coach tenants’ committees.');
  await page.getByRole('button', { name: 'Send the application' }).click();
  check(await page.locator('[data-test=applied]').isVisible(), 'the application is sent');
  await page.getByRole('link', { name: 'Applications' }).first().click();
  check(await page.locator('[data-test=application]').count() === 1, 'the trainer sees the application');
  await audit(page, '05q-review');
  await page.goto(`${base}/pathways`);
  await audit(page, '05r-pathways');

  // Organizing: a team, a campaign with its timeline, a reflection after the peak, a lesson.
  await page.goto(`${base}/nodes/climate-jordan`);
  await page.locator('[data-test=node-organizing]').click();
  await page.getByLabel('Team name').fill('Water justice core team');
  await page.getByLabel('Shared purpose').fill('Every household in Zarqa gets clean water');
  await page.getByRole('button', { name: 'Start a team' }).click();
  await page.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
  for (const condition of ['Real team', 'Compelling purpose', 'Right people', 'Sound structure', 'Supportive context', 'Team coaching']) {
    await page.getByLabel(condition, { exact: true }).selectOption('4');
  }
  await page.getByRole('button', { name: 'Record a health check' }).click();
  check(await page.locator('[data-test=health-line]').count() === 6, 'the health check is charted');
  await audit(page, '05s-team');
  await page.goto(`${base}/nodes/climate-jordan/organizing`);
  await page.locator('#title').fill('Clean water for Zarqa');
  await page.locator('#team').selectOption({ label: 'Water justice core team' });
  await page.getByRole('button', { name: 'Plan a campaign' }).click();
  await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await page.locator('#kind').selectOption('peak');
  await page.locator('#on').fill('2027-03-01');
  await page.locator('#goal').fill('200');
  await page.locator('#actual').fill('150');
  await page.getByRole('button', { name: 'Add a phase' }).click();
  check(await page.locator('[data-test=actual-bar]').count() === 1, 'the goal-versus-actual chart shows the phase');
  await page.locator('#r-label').fill('The March petition');
  await page.locator('#q-intended').fill('200 signatures');
  await page.locator('#q-happened').fill('150 signatures and a meeting with the water authority');
  await page.getByRole('button', { name: 'Write a reflection' }).click();
  check(await page.locator('[data-test=reflection]').count() === 1, 'the reflection is kept');
  const chart = await page.request.get(base + await page.locator('[data-test=chart-svg]').getAttribute('href'));
  check(chart.ok() && (await chart.text()).includes('Clean water for Zarqa'), 'the chart downloads as an SVG file for slides');
  await audit(page, '05t-campaign');
  await page.locator('[data-test=reflection] input[name=reflections]').check();
  await page.getByLabel('The lesson', { exact: true }).fill('Petitions grow where a neighbour asks a neighbour');
  await page.getByRole('button', { name: 'Draw a lesson from the chosen reflections' }).click();
  await page.waitForURL(/\/lessons\/[0-9a-f-]{36}$/);
  check(await page.locator('[data-test=source]').count() === 1, 'the lesson keeps where it came from');
  await audit(page, '05u-lesson');
  await page.goto(`${base}/nodes/climate-jordan/organizing`);
  check(await page.locator('[data-test=team-tree] [data-test=team]').count() >= 1, 'the team tree is drawn');
  await audit(page, '05u2-organizing');
  await page.goto(`${base}/narratives`);
  await audit(page, '05v-narratives');

  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'Nour Haddad' }).first().click();

  await page.getByRole('button', { name: 'العربية' }).click();
  await page.waitForLoadState();
  check(await page.locator('html').getAttribute('dir') === 'rtl', 'Arabic pages are right to left');
  check(await page.locator('html').getAttribute('lang') === 'ar', 'Arabic pages say they are Arabic');
  check(await page.getByRole('link', { name: 'الأعضاء' }).isVisible(), 'the navigation is in Arabic');
  await audit(page, '06-profile-arabic');
  await page.goto(`${base}/settings/profile`);
  await audit(page, '07-settings-arabic');
  await page.goto(`${base}/settings/account`);
  await audit(page, '07b-account-arabic');
  await page.goto(`${base}/search?q=الفردي&type=item`);
  await audit(page, '07c-search-arabic');
  await page.goto(`${base}/library`);
  await audit(page, '07d-library-arabic');
  await page.goto(`${base}/workshops`);
  await audit(page, '07e-workshops-arabic');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/members`);
  await page.screenshot({ path: join(shots, '08-members-phone-arabic.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  check(!overflow, 'the members page fits a phone screen without sideways scrolling');

  check(outside.length === 0, `no request left the site (${outside.join(', ')})`);
} catch (error) {
  failures++;
  console.log(`FAIL the journey stopped: ${error.message}`);
  await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}

console.log(`${passes} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);

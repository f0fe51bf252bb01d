// @ts-check
/**
 * The build options of the add-in (docs/deploy.md), read from the environment once, and what
 * follows from them: the Office.js CDN and the pages' Content-Security-Policy for the cloud the
 * build is for, and the production manifest made from the development one (manifest.xml).
 *   ADPLAN_BASE_URL     https origin (and path) dist/ is served from  (default https://adplan.example.com)
 *   ADPLAN_MANIFEST_ID  the production add-in's <Id>, a GUID          (default PRODUCTION_ID)
 *   ADPLAN_CLOUD        worldwide (default) | china (Microsoft 365 operated by 21Vianet)
 *   ADPLAN_SOURCE_MAPS  1 to ship source maps with a production build (default: none)
 *   ADPLAN_OUT_DIR      where to write the build (default dist/; tests build variants elsewhere)
 */
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const DEV_URL = 'https://localhost:3000';
const PORT = 3000;
/** The development manifest's <Id> (manifest.xml) and the production add-in's default one. */
const DEV_ID = '259b6ad5-5820-4405-b67d-1b86c1a9aa74';
const PRODUCTION_ID = '986ce4bb-6615-432e-b0cc-9c242bd4e52b';
/** What marks a name as the development add-in's; the production manifest drops it. */
const DEV_MARKS = [' (dev)', '（开发版）'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Office.js and the Office hosts per cloud. Tenants in mainland China (21Vianet) cannot count on
 * reaching the worldwide CDN; Microsoft publishes Office.js for them on its own CDN.
 */
const CLOUDS = {
  worldwide: {
    officeJs: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
    hosts: ['https://*.office.com', 'https://*.office.net', 'https://*.officeapps.live.com', 'https://*.microsoft.com'],
  },
  china: {
    officeJs: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
    hosts: ['https://*.partner.office365.cn', 'https://*.office365.cn', 'https://*.sharepoint.cn'],
  },
};

/**
 * @typedef {{ production: boolean, baseUrl: string, manifestId: string, cloud: keyof typeof CLOUDS,
 *   officeJs: string, officeHosts: string[], sourceMaps: boolean, version: string, outDir: string }} BuildOptions
 */

/**
 * @param {Record<string, string | undefined>} env
 * @param {boolean} production
 * @returns {BuildOptions}
 */
function buildOptions(env, production) {
  const baseUrl = production ? (env.ADPLAN_BASE_URL || 'https://adplan.example.com').replace(/\/+$/, '') : DEV_URL;
  if (!/^https:\/\/[^/\s]+/.test(baseUrl)) throw new Error(`ADPLAN_BASE_URL must be an https URL, got "${baseUrl}"`);
  const manifestId = (env.ADPLAN_MANIFEST_ID || PRODUCTION_ID).trim();
  if (!GUID.test(manifestId)) throw new Error(`ADPLAN_MANIFEST_ID must be a GUID, got "${manifestId}"`);
  if (manifestId.toLowerCase() === DEV_ID) throw new Error('ADPLAN_MANIFEST_ID must differ from the development manifest\'s <Id>');
  const cloud = env.ADPLAN_CLOUD || 'worldwide';
  if (cloud !== 'worldwide' && cloud !== 'china') throw new Error(`ADPLAN_CLOUD must be worldwide or china, got "${cloud}"`);
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return {
    production,
    baseUrl,
    manifestId,
    cloud,
    officeJs: CLOUDS[cloud].officeJs,
    officeHosts: CLOUDS[cloud].hosts,
    sourceMaps: env.ADPLAN_SOURCE_MAPS === '1',
    version: manifestVersion(version),
    outDir: resolve(env.ADPLAN_OUT_DIR || join(__dirname, '..', '..', 'dist')),
  };
}

/** package.json's x.y.z as the manifest's four-part <Version> (an update is a higher version). */
function manifestVersion(/** @type {string} */ semver) {
  const parts = semver.split(/[.+-]/).slice(0, 3).map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n))) throw new Error(`package.json version must be x.y.z, got "${semver}"`);
  return [...parts, 0].join('.');
}

/**
 * Content-Security-Policy of the pages (a <meta> tag, so it ships with the static files wherever
 * they are hosted): scripts only from this origin and the chosen Office.js CDN, no plugins, no
 * <base> rewrites. Styles allow 'unsafe-inline' because Fluent UI (Griffel) inserts its CSS at
 * runtime; development adds 'unsafe-eval' for webpack's eval source maps and the live-reload socket.
 * @param {Pick<BuildOptions, 'production' | 'officeJs' | 'officeHosts'>} o
 */
function contentSecurityPolicy(o) {
  const office = new URL(o.officeJs).origin;
  const hosts = o.officeHosts.join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' ${office}${o.production ? '' : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${hosts}${o.production ? '' : ` wss://localhost:${PORT}`}`,
    `frame-src 'self' ${hosts}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The production manifest from the development one: its own <Id> (both can be installed without
 * one replacing the other), the names without the development mark, every development URL on the
 * production base URL, and <Version> from package.json. Fails when the input is not the dev manifest.
 * @param {string} devXml
 * @param {Pick<BuildOptions, 'baseUrl' | 'manifestId' | 'version'>} o
 */
function productionManifest(devXml, o) {
  if (!devXml.includes(`<Id>${DEV_ID}</Id>`)) throw new Error(`manifest.xml must be the development manifest (<Id>${DEV_ID}</Id>)`);
  let xml = devXml.replace(`<Id>${DEV_ID}</Id>`, `<Id>${o.manifestId}</Id>`);
  for (const mark of DEV_MARKS) xml = xml.split(mark).join('');
  xml = xml.split(DEV_URL).join(o.baseUrl);
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${o.version}</Version>`);
}

module.exports = { buildOptions, contentSecurityPolicy, productionManifest, manifestVersion, CLOUDS, DEV_URL, DEV_ID, DEV_MARKS, PORT, PRODUCTION_ID };

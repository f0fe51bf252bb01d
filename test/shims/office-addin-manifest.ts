/**
 * office-addin-mock imports office-addin-manifest only for its manifest helpers, which pull in
 * ESM-only packages (strip-bom, uuid). The mock's OfficeMockObject never calls them in our
 * tests, so Jest maps the module to this empty stand-in (PLATFORM.md).
 */
export const OfficeApp = {};
export const OfficeAddinManifest = {};
export default {};

// electron-builder msiProjectCreated hook: called with the path of the WiX project before it is built.
// Windows Installer's Restart Manager would close applications that hold files being replaced, and a
// silent install (msiexec /qn, group policy) would do it without asking: on an exam station that ends
// a candidate's test. With MSIRESTARTMANAGERCONTROL=Disable, files in use are replaced at the next
// restart instead (msiexec answers 3010, "restart required") and the running station is left alone.
'use strict';
/* global require, module -- CommonJS: electron-builder loads hooks with require(). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readFileSync, writeFileSync } = require('node:fs');

const PROPERTY = '<Property Id="MSIRESTARTMANAGERCONTROL" Value="Disable"/>';

/** The WiX project with the property added once, right after the opening <Product> element. */
function withoutRestartManager(wxs) {
  if (wxs.includes('Id="MSIRESTARTMANAGERCONTROL"')) return wxs;
  const product = /<Product\b[^>]*>/.exec(wxs);
  if (!product) throw new Error('msi-project-created: no <Product> element in the WiX project');
  const at = product.index + product[0].length;
  return `${wxs.slice(0, at)}\n    ${PROPERTY}${wxs.slice(at)}`;
}

async function msiProjectCreated(projectFile) {
  writeFileSync(projectFile, withoutRestartManager(readFileSync(projectFile, 'utf8')));
}

module.exports = msiProjectCreated;
module.exports.default = msiProjectCreated;
module.exports.withoutRestartManager = withoutRestartManager;

module.exports = async function () {
  if (globalThis.__claimdeskTestDb) await globalThis.__claimdeskTestDb.remove();
};

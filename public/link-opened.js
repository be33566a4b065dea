// Tells Ponte that a person has this client link's page in front of them, by a POST to the
// address in the script's data-opened attribute. Opening the link (a GET) records nothing,
// because mail scanners fetch links too; without JavaScript the first save or action does.
(() => {
  const address = document.currentScript?.dataset.opened;
  if (!address) return;
  const send = () => {
    fetch(address, { method: 'POST', credentials: 'same-origin', keepalive: true }).catch(() => {
      // Nothing to show: the first save or action records it instead.
    });
  };
  if (document.visibilityState === 'visible') {
    send();
    return;
  }
  // A page opened in a background tab counts once it is looked at.
  const whenShown = () => {
    if (document.visibilityState !== 'visible') return;
    document.removeEventListener('visibilitychange', whenShown);
    send();
  };
  document.addEventListener('visibilitychange', whenShown);
})();

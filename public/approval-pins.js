// Pinning a comment to a point of the image (the client's link and the agency's piece page): a
// click or tap on the image — or, with the image selected, the arrow keys — fills the comment
// form's pin fields (fractions of the image's size), chooses "on the image", and marks the point. Without JavaScript the page works the
// same, with comments unpinned.
(() => {
  const figure = document.querySelector('.piece-image[data-pinnable]');
  const form = document.getElementById('comment-form');
  if (!figure || !form) return;
  const image = figure.querySelector('img');
  const marker = figure.querySelector('.new-pin');
  const STEP = 0.05;
  let point = null;
  const clamp = (value) => Math.min(1, Math.max(0, value));

  const place = (x, y) => {
    point = { x: clamp(x), y: clamp(y) };
    form.elements.pinX.value = point.x.toFixed(4);
    form.elements.pinY.value = point.y.toFixed(4);
    // "On the image": a radio on the client's page, a select on the agency's.
    if (form.elements.target) form.elements.target.value = 'image';
    if (marker) {
      marker.style.setProperty('--pin-left', `${(point.x * 100).toFixed(2)}%`);
      marker.style.setProperty('--pin-top', `${(point.y * 100).toFixed(2)}%`);
      marker.classList.add('placed');
    }
  };

  image.addEventListener('click', (event) => {
    const box = image.getBoundingClientRect();
    place((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    form.elements.body.focus();
  });

  // The keyboard's way: the image takes focus; the first arrow puts the point in the middle,
  // the next ones move it; Enter goes on to write the comment.
  figure.tabIndex = 0;
  const help = document.getElementById('pin-help');
  if (help) figure.setAttribute('aria-describedby', help.id);
  const moves = {
    ArrowLeft: [-STEP, 0],
    ArrowRight: [STEP, 0],
    ArrowUp: [0, -STEP],
    ArrowDown: [0, STEP],
  };
  figure.addEventListener('keydown', (event) => {
    if (event.target !== figure) return;
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      if (point) place(point.x + move[0], point.y + move[1]);
      else place(0.5, 0.5);
    } else if (event.key === 'Enter' && point) {
      event.preventDefault();
      form.elements.body.focus();
    }
  });
})();

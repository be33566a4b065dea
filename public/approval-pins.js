// Pinning a comment to a point of the image: a click on the image fills the comment form's
// pin fields (fractions of the image's size), ticks "on the image", and marks the point.
// Without JavaScript the page works the same, with comments unpinned.
(() => {
  const figure = document.querySelector('.piece-image[data-pinnable]');
  const form = document.getElementById('comment-form');
  if (!figure || !form) return;
  const image = figure.querySelector('img');
  const marker = figure.querySelector('.new-pin');
  const circle = marker?.querySelector('circle');
  figure.classList.add('pinning');
  image.addEventListener('click', (event) => {
    const box = image.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
    form.elements.pinX.value = x.toFixed(4);
    form.elements.pinY.value = y.toFixed(4);
    const onImage = form.querySelector('input[name="target"][value="image"]');
    if (onImage) onImage.checked = true;
    if (marker && circle) {
      circle.setAttribute('cx', String(x * 100));
      circle.setAttribute('cy', String(y * 100));
      marker.classList.add('placed');
    }
    form.elements.body.focus();
  });
})();

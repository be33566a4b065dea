// What changed between two versions, one laid over the other: the page shows the two images
// side by side; this lays the newer over the older with a slider (a labelled range input: the
// arrow keys move it) showing the newer left of the line and the older right of it, and a
// button to go back to side by side. Without JavaScript, and for PDFs, the two stay side by side.
(() => {
  for (const pair of document.querySelectorAll('[data-version-compare="overlay"]')) {
    const [older, newer] = pair.querySelectorAll('img');
    const [olderLabel, newerLabel] = pair.querySelectorAll('figcaption');
    if (!older || !newer || !olderLabel || !newerLabel) continue;
    const make = (tag, props) => Object.assign(document.createElement(tag), props);

    const stage = make('div', { className: 'compare-stage' });
    const under = older.cloneNode();
    const over = newer.cloneNode();
    under.loading = 'eager';
    over.loading = 'eager';
    over.classList.add('compare-over');
    stage.append(
      under,
      over,
      make('span', { className: 'compare-tag current', textContent: newerLabel.textContent }),
      make('span', { className: 'compare-tag previous', textContent: olderLabel.textContent }),
    );
    // The tags repeat the figures' captions: the slider's label and value say it in words.
    for (const tag of stage.querySelectorAll('.compare-tag'))
      tag.setAttribute('aria-hidden', 'true');

    const sliderId = `${pair.id}-slider`;
    const helpId = `${pair.id}-help`;
    const slider = make('input', {
      type: 'range',
      id: sliderId,
      className: 'compare-slider',
      min: '0',
      max: '100',
      step: '1',
      value: '50',
    });
    slider.setAttribute('aria-describedby', helpId);
    const show = () => {
      stage.style.setProperty('--reveal', `${slider.value}%`);
      slider.setAttribute(
        'aria-valuetext',
        pair.dataset.sliderValue.replace('{percent}', slider.value),
      );
    };
    slider.addEventListener('input', show);

    const overlay = make('div', { className: 'compare-overlay' });
    overlay.append(
      stage,
      make('label', { htmlFor: sliderId, textContent: pair.dataset.slider }),
      slider,
      make('p', { id: helpId, className: 'muted', textContent: pair.dataset.sliderHelp }),
    );

    // One view at a time: the overlay first, side by side a press away.
    const toggle = make('button', { type: 'button', className: 'secondary' });
    const view = (laid) => {
      overlay.hidden = !laid;
      pair.hidden = laid;
      toggle.textContent = laid ? pair.dataset.showSideBySide : pair.dataset.showOverlay;
    };
    toggle.addEventListener('click', () => view(overlay.hidden));
    pair.before(toggle);
    pair.after(overlay);
    show();
    view(true);
  }
})();

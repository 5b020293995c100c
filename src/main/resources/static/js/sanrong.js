// htmx requests carry the CSRF token that the layout puts in the page head.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A tree node (data-sr-toggle) loads its children on the first click; the next click folds them away again.
document.addEventListener('htmx:beforeRequest', function (event) {
  var button = event.detail.elt;
  if (!button.hasAttribute || !button.hasAttribute('data-sr-toggle')) {
    return;
  }
  var target = document.querySelector(button.getAttribute('hx-target'));
  if (target && target.childElementCount > 0) {
    event.preventDefault();
    target.innerHTML = '';
    button.setAttribute('aria-expanded', 'false');
  } else {
    button.setAttribute('aria-expanded', 'true');
  }
});

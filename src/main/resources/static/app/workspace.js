// Không gian làm việc: items of the new-directive form (add, remove, reorder) and the agency
// type-ahead. Plain JavaScript, no library: the pages work without it, only less comfortably.
(function () {
  'use strict';

  var form = document.getElementById('directive-form');
  var itemsBox = document.getElementById('items');

  function items() {
    return Array.prototype.slice.call(itemsBox.querySelectorAll('fieldset.item'));
  }

  // Field names carry the item's position (items[2].content): renumber after every change.
  function renumber() {
    items().forEach(function (fieldset, index) {
      fieldset.querySelectorAll('[name^="items["]').forEach(function (input) {
        input.name = input.name.replace(/^items\[\d+\]/, 'items[' + index + ']');
        if (input.id) { input.id = input.id.replace(/^items\d+/, 'items' + index); }
      });
      var label = fieldset.querySelector('[data-name="label"]');
      fieldset.querySelector('.item-number').textContent = label && label.value ? label.value : String(index + 1);
    });
  }

  if (form && itemsBox) {
    itemsBox.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) { return; }
      var fieldset = button.closest('fieldset.item');
      if (button.hasAttribute('data-remove')) {
        if (items().length > 1) { fieldset.remove(); }
      } else if (button.getAttribute('data-move') === 'up' && fieldset.previousElementSibling && fieldset.previousElementSibling.matches('fieldset.item')) {
        fieldset.parentNode.insertBefore(fieldset, fieldset.previousElementSibling);
      } else if (button.getAttribute('data-move') === 'down' && fieldset.nextElementSibling && fieldset.nextElementSibling.matches('fieldset.item')) {
        fieldset.parentNode.insertBefore(fieldset.nextElementSibling, fieldset);
      } else {
        return;
      }
      renumber();
    });
    document.getElementById('add-item').addEventListener('click', function () {
      var all = items();
      var copy = all[all.length - 1].cloneNode(true);
      copy.querySelectorAll('input[type=text], input[type=number], textarea').forEach(function (input) { input.value = ''; });
      copy.querySelectorAll('select').forEach(function (select) { select.selectedIndex = 0; });
      copy.querySelectorAll('.error-text, .warning-text').forEach(function (note) { note.remove(); });
      var radios = copy.querySelectorAll('input[type=radio]');
      radios.forEach(function (radio) { radio.checked = radio.value === 'DATE'; });
      all[all.length - 1].after(copy);
      renumber();
      var label = copy.querySelector('[data-name="label"]');
      label.value = String(items().length);
      renumber();
      copy.querySelector('textarea').focus();
    });
    itemsBox.addEventListener('input', function (event) {
      if (event.target.matches('[data-name="label"]')) { renumber(); }
    });
    form.addEventListener('submit', renumber);
  }

  // Agency type-ahead: suggests codes, names, short names and sets for the last code being typed.
  var timer = null;
  function lastToken(value) {
    var parts = value.split(',');
    return parts[parts.length - 1].trim();
  }
  function close(box) {
    var list = box.querySelector('ul');
    if (list) { list.remove(); }
  }
  function choose(input, code) {
    var parts = input.value.split(',');
    parts[parts.length - 1] = ' ' + code;
    input.value = parts.map(function (p) { return p.trim(); }).filter(Boolean).join(', ') + ', ';
    close(input.parentNode);
    input.focus();
  }
  document.addEventListener('input', function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains('agency-input')) { return; }
    var box = input.parentNode;
    if (!box.classList.contains('suggest')) { return; }
    var token = lastToken(input.value);
    clearTimeout(timer);
    if (token.length < 2) { close(box); return; }
    timer = setTimeout(function () {
      fetch('/app/agencies/suggest?q=' + encodeURIComponent(token), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) {
          close(box);
          if (!suggestions.length) { return; }
          var list = document.createElement('ul');
          suggestions.forEach(function (s) {
            var li = document.createElement('li');
            var code = document.createElement('b');
            code.textContent = s.code;
            li.appendChild(code);
            li.appendChild(document.createTextNode(s.name));
            li.setAttribute('data-code', s.code);
            li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(input, s.code); });
            list.appendChild(li);
          });
          box.appendChild(list);
        });
    }, 150);
  });
  document.addEventListener('focusout', function (event) {
    if (event.target.classList && event.target.classList.contains('agency-input') && event.target.parentNode.classList.contains('suggest')) {
      setTimeout(function () { close(event.target.parentNode); }, 150);
    }
  });
})();

// Signing in and out from the pages, with the form authentication of the API's accounts: the password goes in a
// POST body to /j_security_check, never into a URL or the browser's storage; the session is an HttpOnly cookie that
// this script never sees, and every call of the pages' scripts sends it (credentials: 'same-origin').

const SIGN_IN = '/j_security_check';
const SIGN_OUT = '/sign-out';

/** Where to go after signing in: a path of this site from ?next=, else the desk. */
function nextPath() {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/desk';
}

function showError(form, message) {
  const error = form.querySelector('#sign-in-error');
  error.textContent = message;
  error.hidden = false;
  for (const input of form.querySelectorAll('input')) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', error.id);
  }
}

function wireSignIn(form) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const response = await fetch(SIGN_IN, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
        redirect: 'manual',
      });
      // 200, or a redirect to a landing page (opaque here): the session cookie is set
      if (response.ok || response.type === 'opaqueredirect') {
        location.assign(nextPath());
        return;
      }
      const password = form.querySelector('#j_password');
      password.value = '';
      if (response.status === 429) {
        const wait = response.headers.get('Retry-After');
        showError(form, 'Too many failed sign-ins from here. Try again'
          + (wait ? ` in ${wait} seconds.` : ' later.'));
      } else if (response.status === 401 || response.status === 403) {
        showError(form, 'That user name and password do not match an account. Check them and try again.');
      } else {
        showError(form, `Signing in failed (HTTP ${response.status}). Try again.`);
      }
      password.focus();
    } catch (err) {
      showError(form, 'Parley could not be reached. Check the connection and try again.');
    } finally {
      button.disabled = false;
    }
  });
}

function wireSignOut(form) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await fetch(SIGN_OUT, { method: 'POST', credentials: 'same-origin' });
    } finally {
      location.assign('/');
    }
  });
}

const signIn = document.getElementById('sign-in');
if (signIn) {
  wireSignIn(signIn);
}
for (const form of document.querySelectorAll('form.sign-out')) {
  wireSignOut(form);
}

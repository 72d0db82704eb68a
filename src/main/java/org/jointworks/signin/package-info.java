/**
 * Sign-in throttling and the sign-in log (issue 17): every sign-in, by HTTP Basic or by the form,
 * goes through {@link org.jointworks.signin.ThrottledSignIn}, which refuses throttled accounts
 * and addresses before checking the password, counts failures and records each attempt.
 */
package org.jointworks.signin;

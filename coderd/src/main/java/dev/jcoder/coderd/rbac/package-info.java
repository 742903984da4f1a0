/**
 * Role-based access control: which subject may perform which action on which object. Roles grant
 * permissions at site, organization or owner scope. This package decides; it does not load data.
 * The store's authorizing layer is its only caller besides {@code POST /authcheck}.
 */
package dev.jcoder.coderd.rbac;

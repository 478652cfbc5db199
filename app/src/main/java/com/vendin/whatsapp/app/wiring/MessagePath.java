package com.vendin.whatsapp.app.wiring;

import com.google.inject.BindingAnnotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tenant lookups of the message path (routing, delivery, sends, status events, media links): they read
 * tenants, numbers and decrypted credentials from the {@code TenantCache}. Unqualified, the same ports read the
 * database, for administration, which must see what another gateway committed a moment before.
 */
@BindingAnnotation
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.FIELD})
@interface MessagePath {}

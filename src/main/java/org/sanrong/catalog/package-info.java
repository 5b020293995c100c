/**
 * 金融超市, the product catalogue: institutions' financial products with structured eligibility criteria, their
 * review by government staff, immutable published versions, and the public supermarket. Others refer to a product
 * by {@link org.sanrong.catalog.ProductRef} (product id and version) and read it through {@link
 * org.sanrong.catalog.ProductCatalog#version}.
 */
@NullMarked
package org.sanrong.catalog;

import org.jspecify.annotations.NullMarked;

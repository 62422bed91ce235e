import { defineConfig } from 'vitest/config';
import { unitTests } from '../../vitest.shared.js';

export default defineConfig(unitTests);
